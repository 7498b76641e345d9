#!/usr/bin/env python3
# table.py: runs every benchmark of `make bench` (the shipped ./samenspel where a user feels it, the harnesses, inkjs, xmllint) and prints one table with targets.
"""Called by bench/run.sh after it built bench/out/bench, bench_gui and bench_phones.

Every row: what is measured, the figure, its target, met or MISSED, and how
(CPU or wall time, median of how many runs, which binary). bench/README.md
explains each row."""
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.join(ROOT, "bench", "out")
SCEN = os.path.join(ROOT, "scenarios")
SAMENSPEL = os.path.join(ROOT, "samenspel")
NODES = int(os.environ.get("BENCH_NODES", "5000"))
STEPS = int(os.environ.get("BENCH_STEPS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
IDLE_SECONDS = float(os.environ.get("BENCH_IDLE_SECONDS", "10"))
INK_STEPS = min(STEPS, 20000)

rows = []
notes = []


def row(what, figure, target="", ok=None, how=""):
    verdict = "" if ok is None else ("met" if ok else "MISSED")
    rows.append((what, figure, target, verdict, how))


def section(title):
    rows.append(("**%s**" % title, "", "", "", ""))


def kv(line):
    return {k: v for k, v in (p.split("=", 1) for p in line.split() if "=" in p)}


def run_kv(args, **kw):
    p = subprocess.run(args, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        raise RuntimeError("%s failed:\n%s" % (" ".join(args), p.stderr.strip()[-2000:]))
    return kv(p.stdout.strip().splitlines()[-1])


def child_usage(args, env=None):
    """(CPU ms user+system, wall ms, peak RSS MiB, stdout) of one child
    process, reaped with wait4 for its resource usage (ru_maxrss)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        p = subprocess.Popen(args, stdout=out, stderr=err, env=env, stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = (time.monotonic() - t0) * 1000
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if p.returncode != 0:
            raise RuntimeError("%s failed (%d):\n%s" % (" ".join(args), p.returncode,
                                                        err.read().decode(errors="replace").strip()[-2000:]))
        return (ru.ru_utime + ru.ru_stime) * 1000, wall, ru.ru_maxrss / 1024, out.read().decode(errors="replace")


def bench(*args):
    return [os.path.join(OUT, "bench"), args[0], SCEN] + list(args[1:])


def user_env(home):
    """A fresh user: settings, transcripts and the data path of this tree."""
    env = dict(os.environ, SAMENSPEL_DATA=ROOT, HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"), XDG_RUNTIME_DIR=home)
    return env


def gen(nodes, path, ink=None, text_bytes=None):
    args = [sys.executable, os.path.join(ROOT, "bench", "gen_scenario.py"), "-n", str(nodes),
            "--handbook", os.path.join(SCEN, "handbook.xml")]
    if text_bytes:
        args += ["--text-bytes", str(text_bytes)]
    subprocess.run(args + [path] + ([ink] if ink else []), check=True)


def load_rows(xml):
    # Load + validate + index as whole fresh processes, interleaved with
    # xmllint so both see the same machine load. Both parse the schema and the file.
    ours, theirs = [], []
    xmllint = shutil.which("xmllint")
    for _ in range(RUNS):
        ours.append(child_usage(bench("load", xml, "1"))[0])
        if xmllint:
            theirs.append(child_usage([xmllint, "--noout", "--relaxng", os.path.join(SCEN, "scenario.rng"), xml])[0])
    o = statistics.median(ours)
    how = "CPU of a whole process (bench/out/bench load, handbook included), median of %d" % RUNS
    if theirs:
        t = statistics.median(theirs)
        row("load+validate+index vs `xmllint --relaxng`", "%.0f ms vs %.0f ms: %.2fx" % (o, t, o / t),
            "<= 1.3x xmllint", o / t <= 1.3, how + ", interleaved with xmllint")
    else:
        row("load+validate+index", "%.0f ms (no xmllint to compare)" % o, "<= 1.3x xmllint", None, how)


def memory_rows(xml, home):
    env = user_env(home)
    mem = run_kv(bench("mem", xml))
    loaded = int(mem["rss_kb"]) / 1024
    _, _, rss, _ = child_usage([SAMENSPEL, "check", xml], env=env)
    row("`samenspel check` peak RSS, %d nodes" % NODES, "%.1f MB (loading alone: %.1f MB, model arena %.1f MB)"
        % (rss, loaded, int(mem["arena_bytes"]) / 1048576), "<= 30 MB", rss <= 30,
        "ru_maxrss of ./samenspel check FILE; loading alone: bench/out/bench mem")


def play_rows(xml, home):
    """`samenspel play --text` from two scripts of different length: peak
    RSS, and per choice the difference of the two plays' times over the
    difference of their choices (load and debrief cancel out)."""
    env = user_env(home)
    plays = []
    for extra in (0, 300):
        script = os.path.join(OUT, "play%d.play" % extra)
        n = int(run_kv(bench("script", xml, str(extra), script))["choices"])
        cpu, wall, rss, _ = child_usage([SAMENSPEL, "play", "--text", "--choices", script, xml], env=env)
        plays.append((n, cpu, wall, rss))
    (n0, c0, w0, r0), (n1, c1, w1, r1) = plays
    rss = max(r0, r1)
    row("`samenspel play --text` peak RSS, %d nodes" % NODES, "%.1f MB" % rss, "<= 30 MB", rss <= 30,
        "ru_maxrss of ./samenspel play --text --choices SCRIPT FILE, plays of %d and %d choices" % (n0, n1))
    per_cpu, per_wall = (c1 - c0) / (n1 - n0), (w1 - w0) / (n1 - n0)
    row("one choice in `play --text`, with its save, %d nodes" % NODES,
        "%.1f ms wall, %.1f ms CPU" % (per_wall, per_cpu), "<= 100 ms wall (bench's own)", per_wall <= 100,
        "./samenspel: (play of %d choices - play of %d) / %d; one run each; choose, print, figures, save"
        % (n1, n0, n1 - n0))


def core_rows(xml):
    s = run_kv(bench("steps", xml, str(STEPS)))
    step_us = float(s["step_us"])
    row("choice step in the core: choose + view + its text", "%.3f us" % step_us, "", None,
        "CPU, bench/out/bench steps: mean of %d random steps (%s endings)" % (STEPS, s["endings"]))
    # Saving a play: the journal makes a step's save O(1).
    short = run_kv(bench("save", xml, "50"))
    long_ = run_kv(bench("save", xml, "5000"))
    sc, lc = float(short["save_cpu_us"]), float(long_["save_cpu_last50_us"])
    row("save of a step at step 5,000 vs at step 50", "%.0f vs %.0f us CPU: %.2fx; wall (median) %.0f vs %.0f us"
        % (lc, sc, lc / sc, float(long_["save_wall_last50_us"]), float(short["save_wall_us"])),
        "<= 1.5x (equal within noise)", lc / sc <= 1.5,
        "bench/out/bench save: CPU taken around each save (sync + write, the journal record with its fsync), "
        "mean over the last 50 steps of a 5,000-step play vs over a 50-step play; wall: median save; one run each")
    # Undo: the session goes back without replaying its history.
    u50, u5k = run_kv(bench("undo", xml, "50")), run_kv(bench("undo", xml, "5000"))
    a, b = float(u5k["undo_us"]), float(u50["undo_us"])
    row("undo of a choice at step 5,000 vs at step 50", "%.2f vs %.2f us CPU: %.2fx" % (a, b, a / b),
        "<= 1.5x (equal within noise)", a / b <= 1.5,
        "bench/out/bench undo: a play along the case's spine (a red flag every tenth step), its last choice "
        "undone and made again 201 times, CPU of the undo, median")
    notes.append("save: CPU a save over the whole 5,000-step play %.0f us (first 50 steps %.0f us); compaction at "
                 "the end %.1f ms wall" % (float(long_["save_cpu_us"]), float(long_["save_cpu_first50_us"]),
                                          float(long_["close_ms"])))
    return step_us


def analysis_rows(xml):
    a = run_kv(bench("analysis", xml, str(RUNS)))
    ms = float(a["analysis_ms"])
    row("analysis (`check`'s sp_check_run), %d nodes" % NODES, "%.1f ms (%s states)" % (ms, a["states"]),
        "<= 50 ms", ms <= 50, "CPU in process, bench/out/bench analysis, median of %d" % RUNS)
    per = {}
    for n in (1000, 5000, 20000):
        path = os.path.join(OUT, "scale%d.xml" % n)
        gen(n, path, text_bytes=8)
        try:
            r = run_kv(bench("analysis", path, str(RUNS)))
            per[n] = float(r["analysis_ms"]) / n * 1000
        except RuntimeError as e:
            notes.append("analysis at %d nodes not measured: %s" % (n, str(e).splitlines()[-1][:200]))
    how = "CPU, sp_check_run, gen_scenario.py --text-bytes 8, median of %d each" % RUNS
    if 1000 in per and 20000 in per:
        ratio = per[20000] / per[1000]
        row("analysis per node, 1k / 5k / 20k nodes", " / ".join("%.1f us" % per[n] for n in sorted(per))
            + ": 20k is %.2fx 1k" % ratio, "within 2x", ratio <= 2, how)
    else:
        row("analysis per node, 1k / 5k / 20k nodes", " / ".join("%d: %.1f us" % (n, per[n]) for n in sorted(per))
            + "; 20k not measured", "within 2x", False, how)


def ink_rows(ink, xml, step_us):
    node = shutil.which("node")
    inkjs = os.path.join(ROOT, "bench", "cache", "node_modules", "inkjs", "package.json")
    why = ("BENCH_NO_INK=1" if os.environ.get("BENCH_NO_INK") == "1" else "node is not installed" if not node
           else "inkjs is not installed in bench/cache" if not os.path.exists(inkjs) else None)
    if why:
        notes.append("inkjs rows not run: " + why)
        return
    js = os.path.join(ROOT, "bench", "ink_bench.js")
    compiled = ink + ".json"
    c = run_kv([node, js, "compile", ink, compiled])
    notes.append("inkjs compile of the .ink source: %.0f ms CPU (not compared)" % float(c["compile_ms"]))
    ours, theirs, steps = [], [], []
    for i in range(RUNS):
        ours.append(float(run_kv(bench("load", xml, "1"))["first_ms"]))
        k = run_kv([node, js, "run", compiled, str(INK_STEPS if i == 0 else 1000)])
        theirs.append(float(k["load_ms"]))
        if i == 0:
            steps.append(float(k["step_us"]))
    o, t = statistics.median(ours), statistics.median(theirs)
    row("load vs inkjs `new Story(json)`", "%.0f ms vs %.0f ms: %.1fx faster" % (o, t, t / o), ">= 10x faster",
        t / o >= 10, "CPU of the first load in a fresh process (file read included), median of %d each" % RUNS)
    row("step vs inkjs Choose + ContinueMaximally", "%.3f us vs %.2f us: %.0fx faster" % (step_us, steps[0],
        steps[0] / step_us), ">= 50x faster", steps[0] / step_us >= 50,
        "CPU per step, both with the text of the lines and options; inkjs: %d steps in a fresh process" % INK_STEPS)


def free_display():
    for n in range(90, 140):
        if not os.path.exists("/tmp/.X11-unix/X%d" % n) and not os.path.exists("/tmp/.X%d-lock" % n):
            return n
    return None


def smaps(pid):
    """Rss and Anonymous (heap and anonymous mappings: the process's own
    memory) in MiB from /proc/PID/smaps_rollup; whether libLLVM or libGL is mapped."""
    vals = {}
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
                vals[parts[0][:-1]] = int(parts[1]) / 1024
    with open("/proc/%d/maps" % pid) as f:
        maps = f.read()
    gl = [lib for lib in ("libLLVM", "libGLX", "swrast_dri", "libEGL") if lib in maps]
    return vals.get("Rss", 0), vals.get("Anonymous", 0), gl


def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)


def idle_window(args, env, idle_seconds=0):
    """Starts the window, lets it settle 3 s, makes it 1920x1080, reads its
    memory 2 s later (and its CPU over idle_seconds), then ends it. None
    when no window opened."""
    app = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
    try:
        time.sleep(3)  # first frames, fonts
        if app.poll() is not None:
            notes.append("%s exited under Xvfb: %s" % (" ".join(args[1:]) or "samenspel",
                                                       app.stderr.read().decode(errors="replace").strip()[-300:]))
            return None
        # The window opens at its default size (1280x800 on this screen);
        # made 1920x1080 as a user would (xdotool; no window manager runs
        # under Xvfb, so fullscreen would not resize the X window).
        ids = subprocess.run(["xdotool", "search", "--class", "samenspel"], env=env, capture_output=True,
                             text=True).stdout.split() if shutil.which("xdotool") else []
        if not ids:
            notes.append("no window to measure under Xvfb (or no xdotool to find it)")
            return None
        for wid in ids:
            subprocess.run(["xdotool", "windowmove", wid, "0", "0", "windowsize", wid, "1920", "1080"], env=env,
                           capture_output=True)
        time.sleep(2)  # the redraw at the new size
        rss, anon, gl = smaps(app.pid)
        pct = None
        if idle_seconds:
            tck = os.sysconf("SC_CLK_TCK")
            c0, t0 = cpu_ticks(app.pid), time.monotonic()
            time.sleep(idle_seconds)
            pct = (cpu_ticks(app.pid) - c0) / tck / (time.monotonic() - t0) * 100
        return rss, anon, gl, pct
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(timeout=5)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        app.stderr.close()


def first_frame(args, env):
    """(wall ms from just before exec to the first presented frame, as the
    window reports it with SAMENSPEL_BENCH_FIRST_FRAME=1 on CLOCK_MONOTONIC;
    CPU ms of the whole process, which quits right after that frame)."""
    env = dict(env, SAMENSPEL_BENCH_FIRST_FRAME="1")
    t0 = time.monotonic()
    try:
        cpu, _, _, out = child_usage(args, env=env)
    except RuntimeError as e:
        raise RuntimeError("no first frame: %s" % e)
    if "first_frame_s=" not in out:
        raise RuntimeError("%s: no first frame reported" % " ".join(args))
    return (float(kv(out)["first_frame_s"]) - t0) * 1000, cpu


def median_frame(args, env):
    runs = [first_frame(args, env) for _ in range(RUNS)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def has_no_portraits_switch():
    p = subprocess.run([SAMENSPEL, "--help"], capture_output=True, text=True)
    return "--no-portraits" in p.stdout + p.stderr


def window_memory_rows(env):
    soft = idle_window([SAMENSPEL], env, IDLE_SECONDS)
    if not soft:
        return
    rss, anon, gl, pct = soft
    how = "/proc/PID/smaps_rollup of ./samenspel on the menu, the window made 1920x1080 under Xvfb"
    renderer = "GL mapped: %s" % ", ".join(gl) if gl else "no GL library mapped"
    row("window idle on the menu: private memory", "%.1f MB (%s)" % (anon, renderer), "<= 25 MB", anon <= 25,
        how + "; Anonymous (heap and anonymous mappings)")
    row("window idle on the menu: RSS", "%.1f MB" % rss, "<= 60 MB without a GPU", rss <= 60, how)
    with_gl = idle_window([SAMENSPEL], dict(env, SDL_RENDER_DRIVER="opengl"))
    if with_gl:
        row("the same with GL (SDL_RENDER_DRIVER=opengl)", "RSS %.1f MB, private %.1f MB (%s)"
            % (with_gl[0], with_gl[1], ", ".join(with_gl[2]) or "no GL library mapped"), "", None,
            "as above; what the window cost before it drew without GL on a machine without a GPU")
    row("window idle on the menu: CPU", "%.2f %%" % pct, "<= 0.5 %", pct <= 0.5,
        "utime+stime from /proc/PID/stat over %.0f s, after the memory was read" % IDLE_SECONDS)


def window_time_rows(env):
    how = ("wall, exec to the first SDL_RenderPresent (SAMENSPEL_BENCH_FIRST_FRAME=1), median of %d; "
           "CPU of the whole process, median" % RUNS)
    menu, menu_cpu = median_frame([SAMENSPEL], env)
    row("time to first frame: the menu", "%.0f ms wall (%.0f ms CPU)" % (menu, menu_cpu),
        "<= 500 ms wall (bench's own)", menu <= 500, how)
    # Portraits (issue 15): the replay of a played intake opens on a turn
    # with the speaker's portrait in its first frame.
    subprocess.run([SAMENSPEL, "play", "--text", "--choices", os.path.join(ROOT, "tests", "plays", "intake-blind.play"),
                    "intake"], env=env, capture_output=True, check=True)
    tdir = os.path.join(env["XDG_DATA_HOME"], "samenspel", "transcripts")
    replay = [SAMENSPEL, "replay", os.path.join(tdir, sorted(f for f in os.listdir(tdir)
                                                          if f.startswith("intake-") and f.endswith(".xml"))[-1])]
    play, play_cpu = median_frame(replay, env)
    if not has_no_portraits_switch():
        row("time to first frame: replay of an intake", "%.0f ms wall (%.0f ms CPU)" % (play, play_cpu), "", None,
            how + "; with and without portraits: pending (no --no-portraits switch in this build)")
        return
    bare_cmd = replay[:1] + ["--no-portraits"] + replay[1:]
    bare, bare_cpu = median_frame(bare_cmd, env)
    row("time to first frame: replay of an intake, portraits vs --no-portraits",
        "%.0f vs %.0f ms wall: %+.0f ms (CPU %.0f vs %.0f ms)" % (play, bare, play - bare, play_cpu, bare_cpu),
        "<= +50 ms", play - bare <= 50, how + "; `samenspel replay` of tests/plays/intake-blind.play, "
        "whose first turn shows Sandra's portrait")
    with_p, without = idle_window(replay, env), idle_window(bare_cmd, env)
    if with_p and without:
        grow = with_p[0] - without[0]
        row("RSS growth from portraits, the replay idle", "%.1f vs %.1f MB: %+.1f MB" % (with_p[0], without[0], grow),
            "<= +15 MB", grow <= 15, "smaps_rollup Rss, the window made 1920x1080 under Xvfb")


def window_rows(home):
    xvfb, disp = shutil.which("Xvfb"), free_display()
    if not xvfb or not os.path.exists(SAMENSPEL) or disp is None:
        notes.append("window rows not run: needs Xvfb, ./samenspel and a free display number")
        return
    env = user_env(home)
    env.pop("SDL_VIDEODRIVER", None)
    env.pop("SDL_RENDER_DRIVER", None)
    env["DISPLAY"] = ":%d" % disp
    xp = subprocess.Popen([xvfb, ":%d" % disp, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            if os.path.exists("/tmp/.X11-unix/X%d" % disp):
                break
            time.sleep(0.1)
        window_memory_rows(env)
        window_time_rows(env)
    finally:
        xp.terminate()
        xp.wait()


def frame_rows():
    gb = os.path.join(OUT, "bench_gui")
    if not os.path.exists(gb):
        notes.append("frame rows not run: bench_gui not built (no engine/gui objects in build/)")
        return
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SAMENSPEL_DATA=ROOT)
    for w, h in ((1920, 1080), (3840, 2160)):
        f = run_kv([gb, str(w), str(h), "300"], env=env)
        ms = float(f["frame_ms"])
        how = ("CPU, bench/out/bench_gui: layout + drawing of the intake's conversation into an offscreen "
               "surface with SDL's software renderer (the window's renderer without a GPU; the present "
               "not included), median of 300 (fastest %.2f; layout %.2f, draw %.2f)"
               % (float(f["min_ms"]), float(f["layout_ms"]), float(f["draw_ms"])))
        if w == 1920:
            row("frame %dx%d" % (w, h), "%.2f ms" % ms, "<= 2 ms", ms <= 2, how)
        else:
            row("frame %dx%d" % (w, h), "%.2f ms" % ms, "", None, how)


def phones_rows():
    pb = os.path.join(OUT, "bench_phones")
    if not os.path.exists(pb):
        notes.append("phones rows not run: bench_phones not built")
        return
    p = run_kv([pb])
    wall, idle = float(p["wall_s"]), float(p["idle_cpu_pct"])
    row("phones: %s participants open the page and vote at once, %s more polling" % (p["participants"], p["idle_phones"]),
        "%.3f s; %s of %s counted, %s failed; p50 %s ms, p99 %s ms"
        % (wall, p["votes_counted"], p["participants"], p["failures"], p["p50_ms"], p["p99_ms"]),
        "within 2 s, all counted", wall <= 2 and p["votes_counted"] == p["participants"] and p["failures"] == "0",
        "wall, bench/out/bench_phones: the server in a child process on 127.0.0.1, 20 client threads")
    row("phones: server CPU with %s idle phones polling every 2 s" % p["idle_phones"], "%.2f %%" % idle,
        "<= 1 %", idle <= 1, "utime+stime of the server process from /proc/PID/stat over 10 s")


def print_table():
    notes.append("load average %.2f at the end" % os.getloadavg()[0])
    print("| measure | figure | target | | how |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(c.replace("|", "/") for c in r) + " |")
    print()
    for n in notes:
        print("note: " + n)


def main():
    xml, ink = os.path.join(OUT, "bench.xml"), os.path.join(OUT, "bench.ink")
    gen(NODES, xml, ink)
    print("samenspel benchmarks: %d nodes x 3 options, %.1f MB of XML; BENCH_RUNS=%d"
          % (NODES, os.path.getsize(xml) / 1e6, RUNS))
    print("machine: %d cores (%s), load average %.2f at the start; %s" % (
        os.cpu_count() or 0, cpu_model(), os.getloadavg()[0], time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    print(flush=True)
    with tempfile.TemporaryDirectory(prefix="sp-bench-") as home:
        section("the shipped program, %d-node case" % NODES)
        attempt(memory_rows, xml, home)
        attempt(play_rows, xml, home)
        attempt(load_rows, xml)
        attempt(analysis_rows, xml)
        section("the core, in process")
        step_us = attempt(core_rows, xml)
        if step_us:
            attempt(ink_rows, ink, xml, step_us)
        if os.environ.get("BENCH_NO_GUI") == "1":
            notes.append("window rows not run: BENCH_NO_GUI=1")
        else:
            section("the window")
            attempt(window_rows, home)
            attempt(frame_rows)
        section("phones (group play with --phones)")
        attempt(phones_rows)
    print_table()


def attempt(fn, *args):
    """Runs one group of rows; a failure becomes a note and the table goes on."""
    try:
        return fn(*args)
    except (RuntimeError, OSError, subprocess.SubprocessError, KeyError, ValueError) as e:
        notes.append("%s failed, its rows are missing: %s" % (fn.__name__, str(e).strip().splitlines()[-1][:300]
                                                              if str(e).strip() else type(e).__name__))
        return None


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "CPU model unknown"


if __name__ == "__main__":
    main()
