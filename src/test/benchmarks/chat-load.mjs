// Many concurrent chats, like people: N WebSocket chats stay open, and each asks a question no one else asks every
// INTERVAL seconds for DURATION seconds, the chats' turns spread evenly over the interval; meanwhile a second
// thread asks over REST at a steady rate. Reports connections made and refused, answers and their latency, and the
// REST latency. Bounded: at most 20,000 chats, 10 minutes of asking, and the whole run ends by itself.
//
//   npm install --prefix src/test/benchmarks          # once: the `ws` package (package.json beside this file)
//   node src/test/benchmarks/chat-load.mjs --url ws://localhost:8080/ws/chat --chats 10000 --interval 30 \
//        --duration 120 --open-rate 500 --rest-rate 5
//   ... --chats 2000 --idle 60      # only hold 2,000 chats open for a minute (what an idle one costs)
//
// Every chat comes from this machine's one address and asks faster than the defaults allow one client: start the
// server with the caps per client off (docs/benchmarks.md has the full command):
//   --parley.api.rate-limit.burst=0 --parley.chat.max-connections-per-client=0 --parley.chat.handshakes-per-minute=0
// More than 8,192 chats also need --server.tomcat.max-connections (Tomcat's default cap), and both this process and
// the server need a file descriptor per chat (`ulimit -n`).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// 16 openings x 32 questions x 100 places = 51,200 different questions, each about as long as a real one (the
// encoder's cost grows with the words); past that a number keeps them different.
const OPENINGS = ['', 'hi, ', 'hello, ', 'please tell me ', 'quick question: ', 'can you explain ', 'i wonder ',
  'could you say ', 'excuse me, ', 'one more thing: ', 'help: ', 'so ', 'tell me ', 'i need to know ', 'hey, ', 'ok, '];
const QUESTIONS = ['who can refer cases to the ICC from', 'what does the UNHCR do in', 'how does the IOM help migrants in',
  'what do UN peacekeepers do in', 'how are human rights enforced in', 'which court hears genocide cases from',
  'how does the african union work with', 'what sanctions apply to', 'who protects refugees fleeing',
  'how does the security council act on', 'what is the role of the ICJ for', 'can a victim testify at the ICC from',
  'how do I apply for asylum coming from', 'who funds humanitarian aid in', 'what does the WHO do in',
  'how does the UN vote on', 'what treaties protect children in', 'who monitors elections in',
  'how does unicef help families in', 'which organizations help migrants from', 'what is a war crime in',
  'can the ICC arrest leaders of', 'how long does an asylum claim take for people from',
  'what happens to stateless people in', 'who investigates torture in', 'how can I volunteer for aid in',
  'what does the world food programme do in', 'who decides on peacekeeping missions for',
  'how are refugees resettled from', 'what rights do detainees have in', 'who prosecutes crimes against humanity in',
  'how does international law apply to'];
const PLACES = ['Kenya', 'Sudan', 'Syria', 'Ukraine', 'Colombia', 'Myanmar', 'Yemen', 'Mali', 'Haiti', 'Libya', 'Chad',
  'Niger', 'Peru', 'Chile', 'Nepal', 'Iraq', 'Iran', 'Egypt', 'Ghana', 'Togo', 'Benin', 'Gabon', 'Congo', 'Angola',
  'Zambia', 'Malawi', 'Uganda', 'Rwanda', 'Burundi', 'Somalia', 'Eritrea', 'Ethiopia', 'Djibouti', 'Tunisia',
  'Algeria', 'Morocco', 'Senegal', 'Gambia', 'Guinea', 'Liberia', 'Nigeria', 'Cameroon', 'Namibia', 'Botswana',
  'Lesotho', 'Eswatini', 'Mozambique', 'Madagascar', 'Comoros', 'Mauritius', 'Lebanon', 'Jordan', 'Israel',
  'Palestine', 'Turkey', 'Georgia', 'Armenia', 'Azerbaijan', 'Moldova', 'Belarus', 'Serbia', 'Kosovo', 'Bosnia',
  'Albania', 'Greece', 'Italy', 'Spain', 'France', 'Germany', 'Poland', 'Hungary', 'Romania', 'Bulgaria', 'Croatia',
  'Afghanistan', 'Pakistan', 'India', 'Bangladesh', 'Sri Lanka', 'Bhutan', 'Laos', 'Cambodia', 'Vietnam',
  'Thailand', 'Malaysia', 'Indonesia', 'the Philippines', 'Mongolia', 'China', 'Korea', 'Japan', 'Mexico',
  'Guatemala', 'Honduras', 'Nicaragua', 'Venezuela', 'Ecuador', 'Bolivia', 'Paraguay', 'Brazil'];
const COMBINATIONS = OPENINGS.length * QUESTIONS.length * PLACES.length;

/** The n-th question of the run; no two are alike. */
function question(n) {
  const place = PLACES[n % PLACES.length];
  const stem = QUESTIONS[Math.floor(n / PLACES.length) % QUESTIONS.length];
  const opening = OPENINGS[Math.floor(n / (PLACES.length * QUESTIONS.length)) % OPENINGS.length];
  const repeat = Math.floor(n / COMBINATIONS);
  return `${opening}${stem} ${place}${repeat > 0 ? ` ${repeat}` : ''}?`;
}

function percentiles(values) {
  const sorted = Float64Array.from(values).sort();
  const at = (p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}

const ms = (value) => (Number.isNaN(value) ? '-' : `${value.toFixed(1)} ms`);
const summary = (stats) => `p50 ${ms(stats.p50)}, p90 ${ms(stats.p90)}, p99 ${ms(stats.p99)}, max ${ms(stats.max)}`;

if (isMainThread) {
  await main();
} else {
  await restProbe(workerData);
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'ws://localhost:8080/ws/chat' },
      chats: { type: 'string', default: '1000' },
      interval: { type: 'string', default: '30' },
      duration: { type: 'string', default: '120' },
      'open-rate': { type: 'string', default: '500' },
      'rest-rate': { type: 'string', default: '5' },
      grace: { type: 'string', default: '30' },
      idle: { type: 'string', default: '0' },
    },
  });
  const chats = bounded('chats', values.chats, 1, 20_000);
  const interval = bounded('interval', values.interval, 1, 600);
  const duration = bounded('duration', values.duration, 1, 600);
  const openRate = bounded('open-rate', values['open-rate'], 1, 5_000);
  const restRate = bounded('rest-rate', values['rest-rate'], 0, 100);
  const grace = bounded('grace', values.grace, 1, 120);
  const idle = bounded('idle', values.idle, 0, 600);
  const WebSocket = require('ws');
  const origin = new URL(values.url.replace(/^ws/, 'http')).origin;
  const asksPerChat = Math.ceil(duration / interval);
  // The hard stops: opening at the given rate plus a minute, then holding or asking and the grace for the last
  // answers plus half a minute.
  let deadline = setTimeout(() => finish('opening the chats took too long; stopped'), (chats / openRate + 60) * 1000);
  let restStats = null;
  let askSeconds = null;
  let rest = null;

  const sockets = [];
  const opened = { ok: 0, refused: 0, failed: 0, closedEarly: 0, statuses: {} };
  const latencies = [];
  // the same latencies by the turn of the interval they were asked in: whether a tail is the first turn's warm-up
  const latenciesByTurn = [];
  const lateness = [];
  const errors = {};
  let asked = 0;
  let answered = 0;
  let asking = false;
  let askingSince = 0;
  let finished = false;

  console.log(`opening ${chats} chats at ${openRate}/s to ${values.url}`);
  const openStarted = performance.now();
  await new Promise((resolve) => {
    let settled = 0;
    const settle = () => { settled += 1; if (settled === chats) resolve(); };
    for (let i = 0; i < chats; i += 1) {
      setTimeout(() => {
        const socket = new WebSocket(values.url, { origin, perMessageDeflate: false, handshakeTimeout: 15_000 });
        const chat = { socket, index: i, pending: new Map(), welcomed: false };
        sockets.push(chat);
        socket.on('unexpected-response', (request, response) => {
          chat.settled = true;
          opened.refused += 1;
          opened.statuses[response.statusCode] = (opened.statuses[response.statusCode] ?? 0) + 1;
          request.destroy();
          settle();
        });
        socket.on('error', () => { if (!chat.welcomed && !chat.settled) { chat.settled = true; opened.failed += 1; settle(); } });
        socket.on('close', () => { if (chat.welcomed && !finished) { opened.closedEarly += 1; } });
        socket.on('message', (data) => {
          const frame = JSON.parse(data.toString());
          if (frame.type === 'welcome') {
            chat.welcomed = true;
            chat.settled = true;
            opened.ok += 1;
            settle();
          } else if (frame.type === 'answer' || frame.type === 'error') {
            const sentAt = chat.pending.get(frame.replyTo);
            if (sentAt === undefined) {
              return;
            }
            chat.pending.delete(frame.replyTo);
            if (frame.type === 'answer') {
              answered += 1;
              const latency = performance.now() - sentAt;
              latencies.push(latency);
              const turn = Math.floor((sentAt - askingSince) / (interval * 1000));
              (latenciesByTurn[turn] ??= []).push(latency);
            } else {
              errors[frame.code] = (errors[frame.code] ?? 0) + 1;
            }
          }
        });
      }, (i / openRate) * 1000);
    }
  });
  const openSeconds = (performance.now() - openStarted) / 1000;
  clearTimeout(deadline);
  deadline = setTimeout(() => finish('the run took too long; stopped'), (idle + duration + grace + 30) * 1000);
  console.log(`opened ${opened.ok} in ${openSeconds.toFixed(1)} s; refused ${opened.refused} `
    + `${JSON.stringify(opened.statuses)}; failed ${opened.failed}`);
  if (idle > 0) {
    // --idle: only hold the chats open (to measure what an idle connection costs the server), then stop.
    console.log(`holding them open for ${idle} s`);
    await new Promise((resolve) => setTimeout(resolve, idle * 1000));
    finish(null);
    return;
  }

  rest = restRate > 0
    ? new Worker(new URL(import.meta.url), { workerData: { url: `${origin}/api/v1/ask`, rate: restRate, duration, first: chats * asksPerChat } })
    : null;
  const restResult = rest ? new Promise((resolve) => rest.on('message', resolve)) : Promise.resolve(null);

  // Chat i asks at i/chats of the interval, then every interval: the asks of all chats spread evenly.
  const started = performance.now();
  askingSince = started;
  asking = true;
  for (const chat of sockets) {
    if (!chat.welcomed) {
      continue;
    }
    const phase = (chat.index / chats) * interval * 1000;
    for (let k = 0; k < asksPerChat; k += 1) {
      const due = phase + k * interval * 1000;
      if (due >= duration * 1000) {
        break;
      }
      setTimeout(() => {
        if (chat.socket.readyState !== WebSocket.OPEN) {
          return;
        }
        const now = performance.now();
        lateness.push(now - started - due);
        const id = `c${chat.index}-${k}`;
        chat.pending.set(id, now);
        asked += 1;
        chat.socket.send(JSON.stringify({ type: 'ask', id, text: question(chat.index * asksPerChat + k) }));
      }, due);
    }
  }
  await new Promise((resolve) => setTimeout(resolve, duration * 1000));
  const graceUntil = performance.now() + grace * 1000;
  while (answered + Object.values(errors).reduce((a, b) => a + b, 0) < asked && performance.now() < graceUntil) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  askSeconds = (performance.now() - started) / 1000;
  restStats = await restResult;
  finish(null);

  function finish(reason) {
    if (finished) {
      return;
    }
    finished = true;
    clearTimeout(deadline);
    if (reason) {
      console.log(reason);
    }
    const unanswered = asked - answered - Object.values(errors).reduce((a, b) => a + b, 0);
    console.log(`chats: ${opened.ok} open, ${opened.refused} refused, ${opened.failed} failed, `
      + `${opened.closedEarly} closed by the server during the run`);
    if (asking) {
      console.log(`asked ${asked} in ${duration} s (${(asked / duration).toFixed(0)}/s), answered ${answered}, `
        + `errors ${JSON.stringify(errors)}, unanswered ${unanswered}; answers/s over the run `
        + `${askSeconds ? (answered / askSeconds).toFixed(0) : '-'}`);
      console.log(`answer latency: ${summary(percentiles(latencies))}`);
      console.log(`answer p99 by the ${interval} s turn asked in: `
        + `${latenciesByTurn.map((turn) => percentiles(turn).p99.toFixed(1)).join(', ')} ms`);
      console.log(`asks sent late (this process's own lag): ${summary(percentiles(lateness))}`);
    }
    if (restStats) {
      console.log(`REST asks meanwhile (${restRate}/s): ${restStats.ok} ok, ${restStats.failed} failed; `
        + `${summary(restStats.latency)}`);
    }
    for (const chat of sockets) {
      chat.socket.terminate();
    }
    rest?.terminate();
    process.exit(0);
  }
}

/** REST asks at a steady rate on a thread of its own, so the chats' event loop does not delay them. */
async function restProbe({ url, rate, duration, first }) {
  const latencies = [];
  let ok = 0;
  let failed = 0;
  const total = Math.floor(rate * duration);
  const inFlight = [];
  const started = performance.now();
  for (let n = 0; n < total; n += 1) {
    const due = started + (n / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    inFlight.push((async () => {
      const sent = performance.now();
      try {
        const response = await fetch(url, {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ question: question(first + n) }),
        });
        await response.arrayBuffer();
        if (response.status === 200) {
          ok += 1;
          latencies.push(performance.now() - sent);
        } else {
          failed += 1;
        }
      } catch {
        failed += 1;
      }
    })());
  }
  await Promise.all(inFlight);
  parentPort.postMessage({ ok, failed, latency: percentiles(latencies) });
}

function bounded(name, text, min, max) {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    console.error(`--${name} must be a number from ${min} to ${max}, was '${text}'`);
    process.exit(2);
  }
  return value;
}
