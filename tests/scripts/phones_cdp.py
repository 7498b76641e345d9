# phones_cdp.py: drives headless Chromium through the DevTools protocol over a pipe (--remote-debugging-pipe: no port), one browser per simulated phone; used by phones_browser.sh.
import json
import os
import select
import subprocess
import time


class CdpError(Exception):
    pass


class Phone:
    """One headless Chromium with its own profile (its own cookies: its own device)."""

    def __init__(self, name, profile, width=390, height=844):
        self.name = name
        cmd_r, self._cmd_w = os.pipe()
        self._res_r, res_w = os.pipe()

        def fds():  # Chromium reads commands on fd 3 and answers on fd 4
            os.dup2(cmd_r, 3)
            os.dup2(res_w, 4)

        self.proc = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--user-data-dir=" + profile, "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--disable-extensions", "--lang=nl", "--accept-lang=nl",
             "--window-size=%d,%d" % (width, height), "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(profile + ".log", "wb"),
            preexec_fn=fds, pass_fds=(3, 4))
        os.close(cmd_r)
        os.close(res_w)
        self._buf = b""
        self._id = 0
        self._events = []
        self.session = None
        targets = self._call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self._call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")

    def _read(self, deadline):
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CdpError("%s: no answer from Chromium in time" % self.name)
            ready, _, _ = select.select([self._res_r], [], [], left)
            if ready:
                chunk = os.read(self._res_r, 65536)
                if not chunk:
                    raise CdpError("%s: Chromium closed its pipe" % self.name)
                self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def _call(self, method, timeout=15, **params):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == self._id:
                if "error" in m:
                    raise CdpError("%s: %s: %s" % (self.name, method, m["error"]))
                return m.get("result", {})
            if "method" in m:
                self._events.append(m)

    call = _call

    def js(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise CdpError("%s: %s: %s" % (self.name, expr, r["exceptionDetails"].get("text")))
        return r["result"].get("value")

    def _wait_load(self, timeout=10):
        deadline = time.monotonic() + timeout
        while True:
            for i, e in enumerate(self._events):
                if e.get("method") == "Page.loadEventFired":
                    del self._events[: i + 1]
                    return
            self._events.append(self._read(deadline))

    def go(self, url):
        self._events.clear()
        self.call("Page.navigate", url=url)
        self._wait_load()

    def click(self, selector):
        """A real mouse click in the middle of the element; waits for the page it loads."""
        box = self.js("(function(){var e=document.querySelector(%s);if(!e)return null;"
                      "var d=e.closest('details');if(d)d.open=true;e.scrollIntoView({block:'center'});"
                      "var r=e.getBoundingClientRect();return [r.x+r.width/2,r.y+r.height/2]})()"
                      % json.dumps(selector))
        if box is None:
            raise CdpError("%s: nothing on the page matches %s: %s" % (self.name, selector, self.text()[:300]))
        self._events.clear()
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
        self._wait_load()

    def type(self, selector, text):
        self.js("document.querySelector(%s).focus()" % json.dumps(selector))
        self.call("Input.insertText", text=text)

    def text(self):
        return self.js("document.body ? document.body.innerText : ''") or ""

    def wait_for(self, expr, what, timeout=10):
        """Until the page's own script has brought it to a state where expr holds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.js(expr):
                    return
            except CdpError:
                pass  # the page is reloading
            time.sleep(0.2)
        raise CdpError("%s: %s did not happen within %d s: %s" % (self.name, what, timeout, self.text()[:300]))

    def close(self):
        self.session = None  # Browser.close is the browser's, not the page's
        try:
            self._call("Browser.close", timeout=5)
        except (CdpError, OSError):
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._cmd_w)
        os.close(self._res_r)
