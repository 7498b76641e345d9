#!/usr/bin/env python3
# table.py: runs every benchmark and its baseline in the same go and prints one table with ratios and targets.
"""Called by bench/run.sh after it built bench/out/bench (and bench_gui)."""
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.join(ROOT, "bench", "out")
SCEN = os.path.join(ROOT, "scenarios")
NODES = int(os.environ.get("BENCH_NODES", "5000"))
STEPS = int(os.environ.get("BENCH_STEPS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "11"))
IDLE_SECONDS = float(os.environ.get("BENCH_IDLE_SECONDS", "10"))

rows = []
notes = []


def row(what, ours, base="", ratio="", target="", ok=None):
    verdict = "" if ok is None else ("ok" if ok else "MISSED")
    rows.append((what, ours, base, ratio, target, verdict))


def kv(line):
    return {k: v for k, v in (p.split("=", 1) for p in line.split() if "=" in p)}


def run_kv(args, **kw):
    p = subprocess.run(args, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        raise RuntimeError("%s failed:\n%s" % (" ".join(args), p.stderr.strip()[-2000:]))
    return kv(p.stdout.strip().splitlines()[-1])


def cpu_ms(args):
    """CPU time (user + system) of a child process: on a shared machine the
    wall clock measures the neighbours as much as the program."""
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise RuntimeError("%s failed:\n%s" % (" ".join(args), err.strip()[-2000:]))
    return (ru.ru_utime + ru.ru_stime) * 1000


def bench(*args):
    return [os.path.join(OUT, "bench"), args[0], SCEN] + list(args[1:])


def main():
    xml = os.path.join(OUT, "bench.xml")
    ink = os.path.join(OUT, "bench.ink")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_scenario.py"), "-n", str(NODES),
                    "--handbook", os.path.join(SCEN, "handbook.xml"), xml, ink], check=True)
    size_mb = os.path.getsize(xml) / 1e6
    print("samenspel benchmarks: %d nodes x 3 options, %.1f MB of XML, %d steps, median of %d runs; "
          "times are CPU time (user + system)" % (NODES, size_mb, STEPS, RUNS), flush=True)
    print("machine: %d cores, load average %.2f at the start (a shared machine inflates every time)"
          % (os.cpu_count() or 0, os.getloadavg()[0]), flush=True)

    # Load + validate + index, as fresh processes, interleaved with xmllint so
    # both see the same machine load. Both parse the schema and the file.
    ours, theirs = [], []
    xmllint = shutil.which("xmllint")
    for _ in range(RUNS):
        ours.append(cpu_ms(bench("load", xml, "1")))
        if xmllint:
            theirs.append(cpu_ms([xmllint, "--noout", "--relaxng", os.path.join(SCEN, "scenario.rng"), xml]))
    o = statistics.median(ours)
    if theirs:
        t = statistics.median(theirs)
        row("load+validate+index (process)", "%.1f ms" % o,
            "xmllint %.1f ms (fastest: %.0f vs %.0f)" % (t, min(ours), min(theirs)),
            "%.2fx" % (o / t), "<= 1.3x xmllint", o / t <= 1.3)
    else:
        row("load+validate+index (process)", "%.1f ms" % o, "no xmllint")
    inproc = float(run_kv(bench("load", xml, str(RUNS)))["load_ms"])
    row("load, in process", "%.1f ms" % inproc)

    m = run_kv(bench("mem", xml))
    rss = int(m["rss_kb"]) / 1024
    row("peak memory, file loaded", "%.1f MB" % rss, "arena %.1f MB" % (int(m["arena_bytes"]) / 1048576),
        "", "<= 30 MB", rss <= 30)

    s = run_kv(bench("steps", xml, str(STEPS)))
    step_us = float(s["step_us"])
    row("choice step (choose+view+score)", "%.3f us" % step_us, "%s endings" % s["endings"])

    # Saving a play: the journal makes a step's save O(1), so a step of a
    # 5,000-step play costs what a step of a 50-step play does.
    short = run_kv(bench("save", xml, "50"))
    long_ = run_kv(bench("save", xml, "5000"))
    sc, lc = float(short["save_cpu_us"]), float(long_["save_cpu_last50_us"])
    row("save per step, 5,000-step play", "%.0f us CPU (last 50 steps), median %.0f us"
        % (lc, float(long_["save_med_last50_us"])),
        "50-step play %.0f us CPU, median %.0f us" % (sc, float(short["save_med_us"])),
        "%.2fx" % (lc / sc), "<= 1.5x (equal within noise)", lc / sc <= 1.5)
    notes.append("save: whole play of 5,000 steps %.0f us CPU a step; compaction at the end %.1f ms"
                 % (float(long_["save_cpu_us"]), float(long_["close_ms"])))

    a = run_kv(bench("analysis", xml, str(RUNS)))
    row("analysis (exact max + checks)", "%.2f ms" % float(a["analysis_ms"]),
        "%s reachable, %s states" % (a["reachable"], a.get("states", "?")),
        "", "<= 50 ms", float(a["analysis_ms"]) <= 50)

    # inkjs: the same story, compiled once, then loaded and stepped.
    node = shutil.which("node")
    if os.environ.get("BENCH_NO_INK") == "1":
        notes.append("ink rows skipped: BENCH_NO_INK=1")
    elif not node:
        notes.append("ink rows skipped: node is not installed")
    elif not os.path.isdir(os.path.join(ROOT, "bench", "cache", "node_modules", "inkjs")):
        notes.append("ink rows skipped: inkjs is not installed in bench/cache (npm install --prefix bench/cache inkjs)")
    else:
        k = run_kv([node, os.path.join(ROOT, "bench", "ink_bench.js"), ink, str(STEPS), str(RUNS)])
        il, ist = float(k["load_ms"]), float(k["step_us"])
        row("load vs inkjs new Story(json)", "%.1f ms" % inproc, "inkjs %.1f ms" % il,
            "%.1fx faster" % (il / inproc), ">= 10x faster", il / inproc >= 10)
        row("step vs inkjs Choose+Continue", "%.3f us" % step_us, "inkjs %.2f us" % ist,
            "%.1fx faster" % (ist / step_us), ">= 50x faster", ist / step_us >= 50)
        notes.append("inkjs compile of the .ink source: %.0f ms (not compared)" % float(k["compile_ms"]))

    gui_rows()
    print_table()


def gui_rows():
    gb = os.path.join(OUT, "bench_gui")
    if os.environ.get("BENCH_NO_GUI") == "1":
        notes.append("GUI rows skipped: BENCH_NO_GUI=1")
        return
    if not os.path.exists(gb):
        notes.append("GUI frame rows skipped: bench_gui not built (no engine/gui objects in build/)")
    else:
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SAMENSPEL_DATA=ROOT)
        for w, h in ((1920, 1080), (3840, 2160)):
            f = run_kv([gb, str(w), str(h), "300"], env=env)
            ms = float(f["frame_ms"])
            detail = "min %.2f; layout %.2f, draw %.2f" % (
                float(f["min_ms"]), float(f["layout_ms"]), float(f["draw_ms"]))
            if w == 1920:
                row("frame %dx%d (software)" % (w, h), "%.2f ms" % ms, detail, "", "<= 2 ms", ms <= 2)
            else:
                row("frame %dx%d (software)" % (w, h), "%.2f ms" % ms, detail)
    idle_row()


def idle_row():
    xvfb = shutil.which("Xvfb")
    binary = os.path.join(ROOT, "samenspel")
    if not xvfb or not os.path.exists(binary):
        notes.append("idle CPU row skipped: needs Xvfb and ./samenspel")
        return
    disp = None
    for n in range(90, 130):
        if not os.path.exists("/tmp/.X11-unix/X%d" % n) and not os.path.exists("/tmp/.X%d-lock" % n):
            disp = n
            break
    if disp is None:
        notes.append("idle CPU row skipped: no free X display number")
        return
    xp = subprocess.Popen([xvfb, ":%d" % disp, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app = None
    try:
        for _ in range(50):
            if os.path.exists("/tmp/.X11-unix/X%d" % disp):
                break
            time.sleep(0.1)
        env = dict(os.environ, DISPLAY=":%d" % disp, SAMENSPEL_DATA=ROOT)
        env.pop("SDL_VIDEODRIVER", None)
        app = subprocess.Popen([binary], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
        time.sleep(3)  # first frames, font loading
        if app.poll() is not None:
            notes.append("idle CPU row skipped: samenspel exited under Xvfb: %s"
                         % app.stderr.read().decode(errors="replace").strip()[-300:])
            return
        # Without a window it would be the terminal menu waiting on stdin,
        # which idles for the wrong reason.
        if shutil.which("xdotool"):
            found = subprocess.run(["xdotool", "search", "--class", "samenspel"], env=env,
                                   capture_output=True, text=True).stdout.strip()
            if not found:
                notes.append("idle CPU row skipped: samenspel opened no window under Xvfb")
                return
        tck = os.sysconf("SC_CLK_TCK")
        c0, t0 = cpu_ticks(app.pid), time.perf_counter()
        time.sleep(IDLE_SECONDS)
        c1, t1 = cpu_ticks(app.pid), time.perf_counter()
        pct = (c1 - c0) / tck / (t1 - t0) * 100
        row("idle CPU, menu under Xvfb (%.0f s)" % IDLE_SECONDS, "%.2f %%" % pct, "", "", "<= 0.5 %", pct <= 0.5)
    finally:
        if app and app.poll() is None:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(timeout=5)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        xp.terminate()
        xp.wait()


def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)


def print_table():
    notes.append("load average %.2f at the end" % os.getloadavg()[0])
    head = ("measure", "samenspel", "baseline", "ratio", "target", "")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(6)]
    line = lambda r: "  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip()
    print(line(head))
    print("  ".join("-" * w for w in widths).rstrip())
    for r in rows:
        print(line(r))
    for n in notes:
        print("note: " + n)


if __name__ == "__main__":
    try:
        main()
    except RuntimeError as e:
        print_table()
        sys.exit("bench: %s" % e)
