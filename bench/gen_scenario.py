#!/usr/bin/env python3
# gen_scenario.py: writes a synthetic scenario (N nodes x 3 options) in our XML format and the same story in ink.
"""
usage: gen_scenario.py [-n NODES] [--seed S] [--handbook scenarios/handbook.xml]
                       [--text-bytes B] OUT.xml [OUT.ink]

The graph is acyclic and every node is reachable: options only point
forward, and the first option of node i always points at node i+1. The last
ENDINGS nodes are endings, so every path ends. Options carry learning-goal
deltas, interventions, thoughts, red flags and feedback references taken
from the real handbook, and one option in three carries a condition on a
variable so the benchmark exercises the condition evaluator as well.

The ink file tells the same story: one knot per node, one sticky choice per
option (with the same condition), the goal deltas as ink variables.
"""
import argparse
import random
import sys
import xml.etree.ElementTree as ET

HB_NS = "{urn:samenspel:handbook:1}"
ENDINGS = 8
GOALS_FALLBACK = ["relatie", "eigenaarschap", "helderheid", "koers"]

WORDS = ("de opdrachtgever wil graag dat we eerst kijken naar wat er al ligt "
         "voordat we verder gaan met de planning en de afspraken over tijd "
         "geld mensen en wie waarover beslist in dit traject bij het ministerie "
         "zodat niemand later verrast wordt door een besluit dat niet gedragen "
         "is door de directie of de afdeling die het werk moet doen").split()


def handbook_ids(path):
    """Returns (goals, thoughts, redflags, interventions) ids from the real handbook."""
    root = ET.parse(path).getroot()

    def ids(tag):
        return [e.get("id") for e in root.iter(HB_NS + tag)]
    goals = ids("goal") or GOALS_FALLBACK
    return goals, ids("thought"), ids("redflag"), ids("intervention")


def sentence(rng, nbytes):
    out = []
    size = 0
    while size < nbytes:
        w = rng.choice(WORDS)
        out.append(w)
        size += len(w) + 1
    s = " ".join(out)
    return s[0].upper() + s[1:] + "."


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build(n, seed, text_bytes, hb):
    """The graph as plain data, shared by the XML and the ink writer."""
    goals, thoughts, flags, ints = hb
    rng = random.Random(seed)
    nodes = []
    first_end = n - ENDINGS
    for i in range(n):
        node = {"id": "n%d" % i, "lines": [], "flags": [], "options": []}
        node["lines"].append((None, sentence(rng, text_bytes)))
        node["lines"].append(("og", sentence(rng, text_bytes)))
        if flags and rng.random() < 0.2:
            node["flags"].append((rng.choice(flags), sentence(rng, text_bytes // 2)))
        if i >= first_end:
            node["ending"] = ("e%d" % i, ["good", "mixed", "poor"][i % 3])
            nodes.append(node)
            continue
        node["kind"] = "thought" if thoughts and i % 7 == 3 else "decision"
        node["prompt"] = "Wat zeg je?" if node["kind"] == "decision" else "Wat denk je?"
        for k in range(3):
            if k == 0:
                to = i + 1
            else:
                to = min(n - 1, i + 1 + rng.randrange(1, 12 * k))
            opt = {"id": "n%do%d" % (i, k), "to": "n%d" % to,
                   "text": sentence(rng, text_bytes),
                   "feedback": sentence(rng, text_bytes),
                   "ref": "H3 Kennismaken",
                   "scores": [], "applies": [], "effects": [], "if": None,
                   "expresses": None}
            for g in rng.sample(goals, 2):
                opt["scores"].append((g, rng.randint(-3, 3)))
            if ints and rng.random() < 0.5:
                opt["applies"].append(rng.choice(ints))
            if node["kind"] == "thought":
                opt["expresses"] = (thoughts[i % len(thoughts)],
                                    "hindering" if k == 1 else "helpful")
            if k == 1:
                opt["effects"].append(("add", "vertrouwen", rng.randint(-10, 10)))
            if k == 2:
                opt["if"] = "vertrouwen >= %d" % rng.randint(30, 60)
            node["options"].append(opt)
        nodes.append(node)
    # Every ending must be reachable: the last ENDINGS decisions each lead
    # to a different ending with their second option.
    for j in range(ENDINGS):
        nodes[first_end - ENDINGS + j]["options"][1]["to"] = "n%d" % (first_end + j)
    return nodes


def write_xml(nodes, out):
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<scenario xmlns="urn:samenspel:scenario:1" xml:lang="nl" id="bench" '
      'phase="intake" version="1" start="n0">\n')
    w("  <title>Synthetisch gesprek</title>\n")
    w("  <summary>Een gegenereerd gesprek om de motor te meten.</summary>\n")
    w("  <briefing>\n    <you>Je bent Rijksconsultant.</you>\n"
      "    <meet>De opdrachtgever.</meet>\n"
      "    <situation>Een gesprek zonder einde in zicht.</situation>\n"
      "    <aim>Zo snel mogelijk een keuze maken.</aim>\n  </briefing>\n")
    w('  <cast>\n    <person id="ik" role="self" initials="JIJ" color="#3d6fa8"><name>Jij</name></person>\n'
      '    <person id="og" role="og" initials="OG" color="#8a5a2b"><name>De opdrachtgever</name>'
      "<function>Directeur</function></person>\n  </cast>\n")
    w('  <variables>\n    <var name="vertrouwen" init="50" min="0" max="100"/>\n  </variables>\n')
    for node in nodes:
        w('  <node id="%s">\n' % node["id"])
        for who, text in node["lines"]:
            if who is None:
                w("    <narration>%s</narration>\n" % esc(text))
            elif int(node["id"][1:]) % 5 == 0:
                w('    <say who="%s">%s<t xml:lang="en">%s</t></say>\n' % (who, esc(text), esc(text)))
            else:
                w('    <say who="%s">%s</say>\n' % (who, esc(text)))
        for ref, why in node["flags"]:
            w('    <flag ref="%s">%s</flag>\n' % (ref, esc(why)))
        if "ending" in node:
            eid, kind = node["ending"]
            w('    <ending id="%s" kind="%s">\n      <title>Einde %s</title>\n'
              "      <evaluation>Het gesprek is voorbij.</evaluation>\n    </ending>\n"
              % (eid, kind, eid))
        else:
            kind = node["kind"]
            w("    <%s>\n      <prompt>%s</prompt>\n" % (kind, node["prompt"]))
            for o in node["options"]:
                cond = ' if="%s"' % esc(o["if"]) if o["if"] else ""
                w('      <option id="%s" to="%s"%s>\n' % (o["id"], o["to"], cond))
                w("        <text>%s</text>\n" % esc(o["text"]))
                for ref in o["applies"]:
                    w('        <applies ref="%s"/>\n' % ref)
                if o["expresses"]:
                    w('        <expresses thought="%s" side="%s"/>\n' % o["expresses"])
                for g, dlt in o["scores"]:
                    w('        <score goal="%s" delta="%d"/>\n' % (g, dlt))
                for op, var, val in o["effects"]:
                    w('        <%s var="%s" value="%d"/>\n' % (op, var, val))
                w('        <feedback ref="%s">%s</feedback>\n' % (o["ref"], esc(o["feedback"])))
                w("      </option>\n")
            w("    </%s>\n" % kind)
        w("  </node>\n")
    w("</scenario>\n")


def ink_text(s):
    # Characters with a meaning in ink are dropped; the text is synthetic anyway.
    for ch in "[]{}|#-><~*+=/\\":
        s = s.replace(ch, " ")
    return s


def write_ink(nodes, goals, out):
    w = out.write
    w("VAR vertrouwen = 50\n")
    for g in goals:
        w("VAR %s = 0\n" % g)
    w("-> %s\n\n" % nodes[0]["id"])
    for node in nodes:
        w("=== %s ===\n" % node["id"])
        for who, text in node["lines"]:
            w("%s%s\n" % ("" if who is None else "De opdrachtgever: ", ink_text(text)))
        if "ending" in node:
            w("-> END\n\n")
            continue
        w("%s\n" % node["prompt"])
        for o in node["options"]:
            cond = "{%s} " % o["if"] if o["if"] else ""
            w("+ %s[%s]\n" % (cond, ink_text(o["text"])))
            for g, dlt in o["scores"]:
                w("    ~ %s = %s + %d\n" % (g, g, dlt))
            for op, var, val in o["effects"]:
                if op == "add":
                    w("    ~ %s = MIN(100, MAX(0, %s + %d))\n" % (var, var, val))
                else:
                    w("    ~ %s = %d\n" % (var, val))
            w("    %s\n" % ink_text(o["feedback"]))
            w("    -> %s\n" % o["to"])
        w("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().split("\n")[0])
    ap.add_argument("-n", "--nodes", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--text-bytes", type=int, default=60)
    ap.add_argument("--handbook", default="scenarios/handbook.xml")
    ap.add_argument("xml")
    ap.add_argument("ink", nargs="?")
    a = ap.parse_args()
    if a.nodes <= 2 * ENDINGS + 1:
        sys.exit("gen_scenario.py: need more than %d nodes" % (2 * ENDINGS + 1))
    hb = handbook_ids(a.handbook)
    nodes = build(a.nodes, a.seed, a.text_bytes, hb)
    with open(a.xml, "w", encoding="utf-8") as f:
        write_xml(nodes, f)
    if a.ink:
        with open(a.ink, "w", encoding="utf-8") as f:
            write_ink(nodes, hb[0], f)


if __name__ == "__main__":
    main()
