// ink_bench.js: compiles the generated .ink with inkjs and times its story load and its choice steps.
// usage: node bench/ink_bench.js STORY.ink STEPS LOAD_RUNS
// Prints one line: "compile_ms=.. load_ms=.. step_us=.. steps=.. endings=.."
'use strict';
const fs = require('fs');
const path = require('path');

const modDir = path.join(__dirname, 'cache', 'node_modules', 'inkjs');
const { Compiler, Story } = require(path.join(modDir, 'dist', 'ink-full.js'));

const [inkPath, stepsArg, runsArg] = process.argv.slice(2);
const STEPS = parseInt(stepsArg || '100000', 10);
const RUNS = parseInt(runsArg || '7', 10);

// CPU time of the process (user + system, node's helper threads included),
// as the C side measures: the machine is shared.
function cpuNow() { const u = process.cpuUsage(); return u.user + u.system; }
function ms(t0) { return (cpuNow() - t0) / 1e3; }
function median(a) { const s = a.slice().sort((x, y) => x - y); return s[s.length >> 1]; }

const src = fs.readFileSync(inkPath, 'utf8');
let t0 = cpuNow();
const compiler = new Compiler(src);
const compiled = compiler.Compile();
const compileMs = ms(t0);
if (!compiled || (compiler.errors && compiler.errors.length)) {
    console.error('ink_bench.js: the ink story does not compile:', (compiler.errors || []).slice(0, 5).join('\n'));
    process.exit(1);
}
const json = compiled.ToJson();

// Load: parse the compiled JSON text into a runnable story, as a game does at start.
const loads = [];
let story = null;
for (let i = 0; i < RUNS; i++) {
    t0 = cpuNow();
    story = new Story(json);
    loads.push(ms(t0));
}

// Steps: a deterministic pseudo-random walk; restart at each ending.
let seed = 12345;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
story.ContinueMaximally();
let endings = 0;
t0 = cpuNow();
for (let i = 0; i < STEPS; i++) {
    const n = story.currentChoices.length;
    if (n === 0) {
        endings++;
        story.ResetState();
        story.ContinueMaximally();
        i--;
        continue;
    }
    story.ChooseChoiceIndex(rnd(n));
    story.ContinueMaximally();
}
const stepUs = ms(t0) * 1000 / STEPS;
console.log(`compile_ms=${compileMs.toFixed(1)} load_ms=${median(loads).toFixed(3)} ` +
            `step_us=${stepUs.toFixed(3)} steps=${STEPS} endings=${endings}`);
