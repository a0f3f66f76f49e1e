// WebSocket load: N chat connections each ask M questions one after another (the next when the answer came), like
// people chatting, and report answers per second and answer latency. Needs Node 22+, or Node 20 with
// --experimental-websocket. No packages to install.
//   node --experimental-websocket src/test/benchmarks/ws-load.mjs ws://localhost:8080/ws/chat 50 20
// Connections send an Origin the server allows (the page's own); per-connection rate limits apply as in production,
// so keep questions per connection within the burst (10) plus the refill (30 a minute), or raise the limit.
// Every connection comes from the same address: start the server with --parley.chat.max-connections-per-client=0
// --parley.chat.handshakes-per-minute=0, or more than 200 open chats (120 opened a minute) get a 429 at the handshake.
const [url = 'ws://localhost:8080/ws/chat', connections = '50', perConnection = '8'] = process.argv.slice(2);
const questions = [
  'who can refer cases to the ICC?', 'and what else?', 'what does the UNHCR do?', 'and the IOM?',
  'what is the weather in Paris?', 'tell me about international organizations', 'tell me more', 'what do UN peacekeepers do?',
];
const latencies = [];
let errors = 0;

function chat(index) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    let asked = 0;
    let sentAt = 0;
    const ask = () => {
      sentAt = performance.now();
      socket.send(JSON.stringify({ type: 'ask', id: `c${index}-${asked}`, text: questions[(index + asked) % questions.length] }));
      asked += 1;
    };
    socket.onmessage = (event) => {
      const frame = JSON.parse(event.data);
      if (frame.type === 'welcome') {
        ask();
      } else if (frame.type === 'answer' || frame.type === 'error') {
        if (frame.type === 'error') {
          errors += 1;
        }
        latencies.push(performance.now() - sentAt);
        if (asked < Number(perConnection)) {
          ask();
        } else {
          socket.close();
        }
      }
    };
    socket.onclose = () => resolve();
    socket.onerror = () => { errors += 1; resolve(); };
  });
}

const started = performance.now();
await Promise.all(Array.from({ length: Number(connections) }, (_, i) => chat(i)));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
console.log(`${connections} connections x ${perConnection} questions: ${latencies.length} answers in `
  + `${seconds.toFixed(1)} s = ${(latencies.length / seconds).toFixed(0)}/s; errors ${errors}; `
  + `latency p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms`);
