# phones_browser.py: phones_browser.sh's body: a group play with --phones on the X server phones_browser.sh started (DISPLAY; the wall's display at PHONES_WALL, WxH+X+Y), three headless Chromium phones (join by code and by address, red flags, vote, change of vote, a late vote), the presenter's live tally, the wall's heat list, its reveal and the vote's reveal measured in screenshots.
# Loopback only; every wait is bounded; every process it starts is ended on the way out.
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from phones_cdp import CdpError, Phone  # noqa: E402

BIN = os.path.abspath(os.environ.get("SAMENSPEL", "./samenspel"))
HC_ACCENT, HC_TRACK = (0xFF, 0xE0, 0x00), (0x33, 0x33, 0x00)         # the wall: high contrast
HC_WHITE, HC_GOOD, HC_BAD = (0xFF, 0xFF, 0xFF), (0x66, 0xFF, 0x66), (0xFF, 0x77, 0x77)
ACCENT, TRACK = (0x2C, 0x5F, 0x8A), (0xEA, 0xF0, 0xF6)               # the presenter: the calm theme


class Fail(Exception):
    pass


def screenshot(path, crop):
    subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", path], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20)
    ppm = subprocess.run(["convert", path, "ppm:-"], check=True, capture_output=True, timeout=20).stdout
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", ppm)
    return int(m.group(1)), int(m.group(2)), ppm[m.end():]


def bands(img, colour, min_len=40, min_h=6):
    """Solid rectangles of one colour at least min_len wide and min_h high:
    (y, h, x, w), top to bottom (what a bar is; glyphs are narrower)."""
    w, h, px = img
    pat = re.compile(b"(?:" + re.escape(bytes(colour)) + b")+")
    found, open_ = [], {}
    for y in range(h):
        row = px[y * w * 3:(y + 1) * w * 3]
        runs = set()
        for m in pat.finditer(row):
            x0, x1 = -(-m.start() // 3), m.end() // 3  # whole pixels only
            if x1 - x0 >= min_len:
                runs.add((x0, x1 - x0))
        for r in list(open_):
            if r not in runs:
                y0 = open_.pop(r)
                if y - y0 >= min_h:
                    found.append((y0, y - y0, r[0], r[1]))
        for r in runs:
            open_.setdefault(r, y)
    found += [(y0, h - y0, r[0], r[1]) for r, y0 in open_.items() if h - y0 >= min_h]
    return sorted(found)


def shares(img, fill, track):
    """Each bar drawn as a fill followed by its track: fill / (fill + track), top to bottom."""
    f, t = bands(img, fill, min_len=1), bands(img, track, min_len=40)
    out = []
    for (ty, th, tx, tw) in t:
        fills = [b for b in f if b[0] == ty and b[1] == th and b[2] + b[3] == tx]
        fw = fills[0][3] if fills else 0
        out.append(round(fw / (fw + tw), 3))
    return out


def count(img, colour):
    c = re.escape(bytes(colour))
    return sum(1 for m in re.finditer(c, img[2]) if m.start() % 3 == 0)


def near(got, want, what):
    if len(got) != len(want) or any(abs(g - x) > 0.02 for g, x in zip(got, want)):
        raise Fail("%s: shares %s, expected %s" % (what, got, [round(x, 3) for x in want]))
    print("%s: shares %s (expected %s)" % (what, got, [round(x, 3) for x in want]))


def settled_vote_screen(path, crop):
    """The wall once it shows the vote screen and has stopped changing: two
    looks 0.5 s apart alike, no bar track (the heat list's bars gone) and the
    QR code's white card (a top and a bottom band of one width); up to 10 s."""
    last = None
    for _ in range(21):
        img = screenshot(path, crop)
        white = [b for b in bands(img, HC_WHITE, min_h=10) if b[3] >= 100]
        card = any(a[2:] == b[2:] and a[0] < b[0] for a in white for b in white)
        if img == last and card and not bands(img, HC_TRACK):
            return img
        last = img
        time.sleep(0.5)
    raise Fail("the wall did not settle on the vote screen (QR code, no bars) within 10 s")


def changed_box(a, b):
    """The rows and columns where two screenshots of one size differ: (y0, y1, x0, x1)."""
    w, h = a[0], a[1]
    rows = [y for y in range(h) if a[2][y * w * 3:(y + 1) * w * 3] != b[2][y * w * 3:(y + 1) * w * 3]]
    cols = [x for y in rows for x in range(w) if a[2][(y * w + x) * 3:(y * w + x) * 3 + 3] != b[2][(y * w + x) * 3:(y * w + x) * 3 + 3]]
    return rows[0], rows[-1], min(cols), max(cols)


def key(*keys):
    subprocess.run(["xdotool", "key", "--delay", "60", *keys], check=True, timeout=10)
    time.sleep(0.6)


def main(work):
    log = open(os.path.join(work, "app.log"), "w+")
    procs = []

    def start(cmd, **kw):
        p = subprocess.Popen(cmd, **kw)
        procs.append(p)
        return p

    phones = []
    try:
        wall_at = os.environ["PHONES_WALL"]
        wall_x = int(wall_at.split("+")[1])
        env = dict(os.environ, LANGUAGE="nl",
                   XDG_DATA_HOME=os.path.join(work, "data"), XDG_CONFIG_HOME=os.path.join(work, "config"))
        env.pop("SDL_VIDEODRIVER", None)
        env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
        port = 12000 + int.from_bytes(os.urandom(2), "big") % 20000  # below the ephemeral range (32768-)
        app = start([BIN, "play", "--projector", "--presenter", "--phones", "--listen", "127.0.0.1:%d" % port,
                     "intake"], env=env, stdout=log, stderr=log)
        url = base = code = None
        for _ in range(100):
            log.seek(0)
            m = re.search(r"^Telefoons: (http\S+) \(of (http\S+), code ([A-Z0-9-]+)\)$", log.read(), re.M)
            if m:
                url, base, code = m.groups()
                break
            if app.poll() is not None:
                raise Fail("samenspel exited")
            time.sleep(0.1)
        if not url:
            raise Fail("no address on stderr")
        pres_at = None
        for _ in range(100):  # both windows up: the presenter's is on the other display
            tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True, timeout=10).stdout
            m = re.search(r'"samenspel – presentator": \(.*\)\s+(\d+x\d+\+\d+\+\d+)', tree)
            if m:
                pres_at = m.group(1)
                break
            time.sleep(0.1)
        if not pres_at:
            raise Fail("no presenter window")
        time.sleep(1.5)
        subprocess.run(["xdotool", "mousemove", str(wall_x + 20), "20"], check=True, timeout=10)

        # Three phones, each with its own profile (own cookie: own device).
        phones = [Phone("phone%d" % i, os.path.join(work, "chrome%d" % i)) for i in (1, 2, 3)]
        p1, p2, p3 = phones
        p1.go(base)
        p1.type("input[name=code]", code.replace("-", "").lower())
        p1.click("button[type=submit]")
        if p1.js("location.href") != url:
            raise Fail("joining by code went to %s" % p1.js("location.href"))
        p2.go(url)
        p3.go(url)
        for p in phones:
            if "Er staat nu geen vraag open" not in p.text():
                raise Fail("%s: not the waiting page: %s" % (p.name, p.text()[:200]))
        print("three phones joined (one by the typed code)")

        key("Return")  # the role card -> turn 1's conversation
        wall = screenshot(os.path.join(work, "wall0.png"), wall_at)
        # Red flags during the conversation: flag 6 twice; 2, 3 and 9 (at play in turn 1) once;
        # 4 on and off again.
        for p, flags in ((p1, (5, 1)), (p2, (5, 8)), (p3, (2, 3, 3))):
            for f in flags:
                p.click("button[name=flag][value='%d']" % f)
                if "Rode vlag doorgegeven." not in p.text():
                    raise Fail("%s: flag %d not confirmed: %s" % (p.name, f, p.text()[:200]))
        if p3.js("document.querySelectorAll('button[name=flag].on').length") != 1:
            raise Fail("phone3: flag 4 did not go off again")
        before = bands(wall, HC_TRACK)
        if before:
            raise Fail("the wall shows bars before the red-flag round: %s" % before)

        key("f")  # the red-flag round: the heat list, most spotted first
        heat = screenshot(os.path.join(work, "heat.png"), wall_at)
        near(shares(heat, HC_ACCENT, HC_TRACK), [2 / 3, 1 / 3, 1 / 3, 1 / 3], "the wall's heat list")
        if count(heat, HC_GOOD) or count(heat, HC_BAD):
            raise Fail("the heat list shows right and wrong before the reveal")
        key("r")  # the reveal
        shown = screenshot(os.path.join(work, "heat_revealed.png"), wall_at)
        if count(shown, HC_GOOD) < 100 or count(shown, HC_BAD) < 300:
            raise Fail("the reveal does not mark one flag right (green) and three wrong (red)")
        print("heat list revealed: %d px green, %d px red" % (count(shown, HC_GOOD), count(shown, HC_BAD)))
        key("f")  # the round closes: the phones' flags are cleared for the next one
        p1.go(url)
        if p1.js("document.querySelectorAll('button[name=flag].on').length") != 0:
            raise Fail("phone1's flags were not cleared after the red-flag round")

        key("Return")  # the vote opens: the pages' own script brings the question
        for p in phones:
            p.wait_for("document.querySelectorAll('button[name=option]').length == 2", "the question")
        # The phones' votes stay off the wall until the decision: nothing on it
        # may change while they vote (the options' typed counts stay 0, no
        # tally line, no bars), so the wall is compared pixel for pixel before
        # the first vote and after the last. (Counting white bands was wrong:
        # the QR code's white card, with light modules beside its quiet zone
        # in two rows, makes a third band in some codes, and the code is new
        # every run.)
        opened = settled_vote_screen(os.path.join(work, "vote_open.png"), wall_at)
        p1.click("button[name=option][value='0']")
        p2.click("button[name=option][value='1']")
        p3.click("button[name=option][value='0']")
        if "Stem ontvangen." not in p3.text():
            raise Fail("phone3: %s" % p3.text()[:200])
        p3.click("button[name=option][value='1']")  # changes to B
        if "Je stem is gewijzigd." not in p3.text() or "Jouw stem: B" not in p3.text():
            raise Fail("phone3's change: %s" % p3.text()[:200])
        time.sleep(0.5)
        pres = screenshot(os.path.join(work, "presenter.png"), pres_at)
        near(shares(pres, ACCENT, TRACK), [1 / 3, 2 / 3], "the presenter's live tally")
        vote_wall = screenshot(os.path.join(work, "vote.png"), wall_at)
        if vote_wall != opened:
            raise Fail("the wall shows the phones' votes before the decision: it changed while they voted "
                       "(rows %d-%d, columns %d-%d of vote_open.png and vote.png)" % changed_box(opened, vote_wall))
        print("the wall did not change while the phones voted")

        key("Return")  # take the majority: B
        t = None
        for _ in range(150):
            d = os.path.join(work, "data", "samenspel", "transcripts")
            files = [os.path.join(d, f) for f in os.listdir(d) if f.endswith(".xml")] if os.path.isdir(d) else []
            if files and 'votes="1 2"' in open(files[0]).read():
                t = files[0]
                break
            time.sleep(0.1)
        if not t:
            raise Fail("the transcript does not hold the phones' votes 1 2")
        decided = screenshot(os.path.join(work, "decided.png"), wall_at)
        a = [b for b in bands(decided, HC_WHITE, min_h=10) if b[3] > 60]
        b = [b for b in bands(decided, HC_ACCENT, min_h=10) if b[3] > 60]
        if len(a) < 1 or len(b) < 1 or abs(a[-1][3] / b[-1][3] - 0.5) > 0.03:
            raise Fail("the wall's reveal: bars A %s, B %s (want A half of B)" % (a, b))
        print("the wall's reveal: A %d px, B %d px" % (a[-1][3], b[-1][3]))
        for p in phones:  # the round closed: each page's script takes the question away
            p.wait_for("document.querySelectorAll('button[name=option]').length == 0", "the closed round")
        text = open(t).read()
        if "127.0.0.1" in text or "sp_device" in text:
            raise Fail("the transcript holds an address or a device token")
        shots = os.environ.get("PHONES_SCREENSHOTS")  # tools: refresh the README's pictures
        if shots:
            for src, dst in (("vote.png", "wall-phones-1920x1080.png"), ("heat_revealed.png",
                             "wall-phones-heat-1920x1080.png"), ("presenter.png", "presenter-phones.png")):
                subprocess.run(["cp", os.path.join(work, src), os.path.join(shots, dst)], check=True)
        print("phones_browser: ok")
    finally:
        for p in phones:
            p.close()
        for p in reversed(procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
        log.seek(0)
        app_log = log.read()
        log.close()
        if "ERROR: AddressSanitizer" in app_log or "runtime error" in app_log:
            print(app_log)
            raise Fail("the sanitizer reported an error in samenspel")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as work:
        try:
            main(work)
            if os.environ.get("PHONES_BROWSER_KEEP"):
                subprocess.run(["cp", "-r", work, os.environ["PHONES_BROWSER_KEEP"]])
        except (Fail, CdpError, subprocess.SubprocessError, OSError) as e:
            print("phones_browser: FAIL: %s" % e)
            keep = os.environ.get("PHONES_BROWSER_KEEP")
            if keep:
                subprocess.run(["cp", "-r", work, keep])
            # the screenshots and the program's output, kept beside the test's log
            kept = os.path.join(os.environ.get("BUILD", "build"), "tests", "phones_browser.fail")
            subprocess.run(["rm", "-rf", kept])
            os.makedirs(kept, exist_ok=True)
            for f in os.listdir(work):
                if f.endswith(".png") or f == "app.log":
                    subprocess.run(["cp", os.path.join(work, f), kept])
            print("phones_browser: screenshots kept in %s" % kept)
            sys.exit(1)
