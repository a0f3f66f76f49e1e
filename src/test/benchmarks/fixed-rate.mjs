// Fixed-rate load for latency: POST /api/v1/ask at a steady number of requests a second (wrk has no fixed-rate mode:
// it sends the next request when the last one came back, so a slow reply hides the ones that would have queued
// behind it). Each request is timed from the moment it was due, not from when it went out, so a stall counts in
// full. Bounded: at most `seconds` long and `maxInFlight` requests open at once (past that a due request is
// counted as missed). No packages to install; Node 18+.
//   node src/test/benchmarks/fixed-rate.mjs http://localhost:8080 RATE SECONDS QUESTIONS_FILE [unique]
// against a server started with --parley.api.rate-limit.burst=0. Prints one line of JSON.
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [base = 'http://localhost:8080', rateArg = '100', secondsArg = '10', file, mode = 'repeat'] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Math.min(Number(secondsArg), 120);
const maxInFlight = 256;
const questions = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
const target = new URL('/api/v1/ask', base);
if (!['localhost', '127.0.0.1', '[::1]'].includes(target.hostname)) {
  throw new Error(`loopback only, not ${target.hostname}`);
}
const agent = new http.Agent({ keepAlive: true, maxSockets: maxInFlight });
const latencies = [];
let inFlight = 0;
let missed = 0;
let failed = 0;
let sent = 0;

function ask(dueAt) {
  const index = sent;
  sent += 1;
  let question = questions[index % questions.length];
  if (mode === 'unique') {
    question = `${question} (r-${index})`;
  }
  const body = JSON.stringify({ question });
  inFlight += 1;
  const request = http.request(target, {
    method: 'POST', agent,
    headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
  }, (response) => {
    response.resume();
    response.on('end', () => {
      inFlight -= 1;
      if (response.statusCode !== 200) {
        failed += 1;
      }
      latencies.push(performance.now() - dueAt);
    });
  });
  request.on('error', () => {
    inFlight -= 1;
    failed += 1;
  });
  request.end(body);
}

const start = performance.now();
const total = Math.round(rate * seconds);
let due = 0;
await new Promise((resolve) => {
  const tick = () => {
    const now = performance.now();
    while (due < total && start + (due * 1000) / rate <= now) {
      const dueAt = start + (due * 1000) / rate;
      due += 1;
      if (inFlight >= maxInFlight) {
        missed += 1;
      } else {
        ask(dueAt);
      }
    }
    if (due >= total) {
      const wait = setInterval(() => {
        if (inFlight === 0 || performance.now() - start > (seconds + 10) * 1000) {
          clearInterval(wait);
          resolve();
        }
      }, 20);
    } else {
      setTimeout(tick, 1);
    }
  };
  tick();
});
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN);
console.log(JSON.stringify({
  rate, seconds, answered: latencies.length - failed, failed, missed,
  achieved: Math.round((latencies.length / ((performance.now() - start) / 1000)) * 10) / 10,
  p50: Math.round(at(50) * 100) / 100, p99: Math.round(at(99) * 100) / 100,
}));
