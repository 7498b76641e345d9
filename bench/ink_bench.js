// ink_bench.js: the inkjs side of `make bench`: compiles the generated .ink once, then times a story's load and its choice steps in a fresh process.
// usage: node bench/ink_bench.js compile STORY.ink OUT.json   -> compile_ms=..
//        node bench/ink_bench.js run STORY.json STEPS         -> load_ms=.. step_us=.. steps=.. endings=..
// `run` is meant for a fresh process (bench/table.py starts one per run):
// its load is the first one of the process, as a game's is at start.
'use strict';
const fs = require('fs');
const path = require('path');

const modDir = path.join(__dirname, 'cache', 'node_modules', 'inkjs');
const { Compiler, Story } = require(path.join(modDir, 'dist', 'ink-full.js'));

// CPU time of the process (user + system, node's helper threads included),
// as the C side measures: the machine is shared.
function cpuNow() { const u = process.cpuUsage(); return u.user + u.system; }
function ms(t0) { return (cpuNow() - t0) / 1e3; }

function compile(inkPath, outPath) {
    const src = fs.readFileSync(inkPath, 'utf8');
    const t0 = cpuNow();
    const compiler = new Compiler(src);
    const compiled = compiler.Compile();
    const compileMs = ms(t0);
    if (!compiled || (compiler.errors && compiler.errors.length)) {
        console.error('ink_bench.js: the ink story does not compile:', (compiler.errors || []).slice(0, 5).join('\n'));
        process.exit(1);
    }
    fs.writeFileSync(outPath, compiled.ToJson());
    console.log(`compile_ms=${compileMs.toFixed(1)}`);
}

// Load: read the compiled JSON file and make a runnable story of it (our
// side reads and checks its XML file). Steps: a deterministic pseudo-random
// walk, restarting at each ending; each step is ChooseChoiceIndex plus
// ContinueMaximally (which builds the text of the lines) plus the text of
// every choice on offer, as our step copies the view's text.
function run(jsonPath, steps) {
    let t0 = cpuNow();
    const story = new Story(fs.readFileSync(jsonPath, 'utf8'));
    const loadMs = ms(t0);
    let seed = 12345;
    const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    let endings = 0, chars = story.ContinueMaximally().length;
    t0 = cpuNow();
    for (let i = 0; i < steps; i++) {
        const n = story.currentChoices.length;
        if (n === 0) {
            endings++;
            story.ResetState();
            chars += story.ContinueMaximally().length;
            i--;
            continue;
        }
        story.ChooseChoiceIndex(rnd(n));
        chars += story.ContinueMaximally().length;
        for (const c of story.currentChoices)
            chars += c.text.length;
    }
    const stepUs = ms(t0) * 1000 / steps;
    console.log(`load_ms=${loadMs.toFixed(3)} step_us=${stepUs.toFixed(3)} steps=${steps} endings=${endings} chars=${chars}`);
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'compile' && a && b)
    compile(a, b);
else if (mode === 'run' && a)
    run(a, parseInt(b || '100000', 10));
else {
    console.error('usage: ink_bench.js compile STORY.ink OUT.json | run STORY.json STEPS');
    process.exit(2);
}
