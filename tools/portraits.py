#!/usr/bin/env python3
# portraits.py: draws the cast's portraits (assets/portraits/PERSON/EXPRESSION.svg) from a few features per person and per expression, so all share one calm, flat style; run after changing it and commit the SVGs.
"""Every portrait is a head and shoulders in a round frame, 200 x 200 units.
A person is a set of features (skin, hair, clothes, glasses, beard); an
expression moves the brows, eyelids and mouth. Made for samenspel."""
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.join(ROOT, "assets", "portraits")

EXPRESSIONS = ("neutral", "open", "guarded", "tired")

# id: skin, hair colour, hair style, clothes, collar, glasses, beard, backdrop
PEOPLE = {
    "jij":      dict(skin="#C99A72", hair="#3B2A20", style="short",   clothes="#3D6FA8", collar="#F4F1EA", glasses=False, beard=False, bg="#DCE5EE"),
    "sandra":   dict(skin="#8A5A3C", hair="#1F1712", style="curls",   clothes="#2F7D5B", collar="#E8E2D6", glasses=False, beard=False, bg="#DDEBE3"),
    "ruud":     dict(skin="#E2B896", hair="#9A9A96", style="short",   clothes="#6B5CA5", collar="#F4F1EA", glasses=True,  beard=True,  bg="#E4E0EF"),
    "jansen":   dict(skin="#E8C2A2", hair="#C9C4BC", style="bob",     clothes="#9C3D54", collar="#F4F1EA", glasses=False, beard=False, bg="#F0DFE3"),
    "klaasen":  dict(skin="#D9A982", hair="#5A4636", style="balding", clothes="#4A4F57", collar="#B0702C", glasses=True,  beard=False, bg="#F1E4D6"),
    "marieke":  dict(skin="#EDC7A8", hair="#8C4A2A", style="ponytail", clothes="#5B8A8A", collar="#F4F1EA", glasses=False, beard=False, bg="#DDECEC"),
}

INK = "#1E2933"


def hair_back(p):
    c, s = p["hair"], p["style"]
    if s == "bob":
        return f'<path d="M52 98 Q50 44 100 40 Q150 44 148 98 L150 132 Q138 138 128 126 L72 126 Q62 138 50 132 Z" fill="{c}"/>'
    if s == "curls":
        blobs = "".join(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{c}"/>' for x, y, r in
                        ((62, 70, 20), (80, 50, 22), (104, 44, 23), (128, 52, 21), (142, 74, 19),
                         (56, 96, 16), (146, 100, 16), (60, 118, 13), (142, 120, 13)))
        return blobs
    if s == "ponytail":
        return f'<path d="M140 70 Q168 90 156 140 Q150 150 142 138 Q152 104 132 80 Z" fill="{c}"/>'
    return ""


def hair_front(p):
    c, s = p["hair"], p["style"]
    if s == "short":
        return f'<path d="M58 86 Q56 46 100 44 Q144 46 142 86 Q132 64 100 62 Q70 62 58 86 Z" fill="{c}"/>'
    if s == "bob":
        return f'<path d="M56 92 Q60 50 100 48 Q140 50 144 92 Q124 70 96 66 Q80 76 56 92 Z" fill="{c}"/>'
    if s == "curls":
        return "".join(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{c}"/>' for x, y, r in
                       ((64, 80, 11), (78, 66, 12), (94, 60, 12), (110, 60, 12), (125, 66, 12), (137, 80, 11)))
    if s == "ponytail":
        return f'<path d="M58 88 Q58 48 100 46 Q142 48 142 88 Q128 62 100 62 Q74 64 58 88 Z" fill="{c}"/>'
    if s == "balding":
        return (f'<path d="M58 92 Q58 74 64 66 Q62 84 66 96 Z" fill="{c}"/>'
                f'<path d="M142 92 Q142 74 136 66 Q138 84 134 96 Z" fill="{c}"/>')
    return ""


def face(p, e):
    """Brows, eyes, nose and mouth for expression e."""
    out = []
    # brows: (outer y, inner y) relative to 84
    brow = {"neutral": (0, 0), "open": (-4, -5), "guarded": (-1, 4), "tired": (3, -3)}[e]
    for side in (-1, 1):
        x0, x1 = 100 + side * 34, 100 + side * 12
        out.append(f'<path d="M{x0} {84 + brow[0]} Q{(x0 + x1) / 2} {80 + min(brow)} {x1} {84 + brow[1]}" '
                   f'stroke="{p["hair"] if p["style"] != "balding" else INK}" stroke-width="4" fill="none" stroke-linecap="round"/>')
    # eyes: open circles, narrowed (guarded), heavy lids (tired)
    for side in (-1, 1):
        cx = 100 + side * 22
        if e == "guarded":  # narrowed: a low, straight lid over the pupil
            out.append(f'<circle cx="{cx + side * -1}" cy="101" r="4.5" fill="{INK}"/>')
            out.append(f'<rect x="{cx - 8}" y="93" width="16" height="6.5" fill="{p["skin"]}"/>')
            out.append(f'<path d="M{cx - 8} 99.5 L{cx + 8} 99.5" stroke="{INK}" stroke-width="2.5" stroke-linecap="round"/>')
        elif e == "tired":
            out.append(f'<circle cx="{cx}" cy="101" r="4" fill="{INK}"/>')
            out.append(f'<path d="M{cx - 8} 98 L{cx + 8} 98" stroke="{p["skin"]}" stroke-width="5"/>')
            out.append(f'<path d="M{cx - 8} 99 Q{cx} 96 {cx + 8} 99" stroke="{INK}" stroke-width="2" fill="none"/>')
        else:
            r = 5 if e == "open" else 4.5
            out.append(f'<circle cx="{cx}" cy="100" r="{r}" fill="{INK}"/>')
    if p["glasses"]:
        for side in (-1, 1):
            out.append(f'<rect x="{100 + side * 22 - 13}" y="90" width="26" height="20" rx="7" fill="none" stroke="{INK}" stroke-width="2.5"/>')
        out.append(f'<path d="M91 98 Q100 94 109 98" stroke="{INK}" stroke-width="2.5" fill="none"/>')
    out.append(f'<path d="M100 104 Q96 118 101 121" stroke="{INK}" stroke-width="2.5" fill="none" stroke-linecap="round" opacity="0.55"/>')
    if p["beard"]:
        out.append(f'<path d="M66 112 Q70 150 100 154 Q130 150 134 112 Q128 130 100 134 Q72 130 66 112 Z" fill="{p["hair"]}"/>')
    mouth = {"neutral": "M88 134 Q100 136 112 134",
             "open": "M84 130 Q100 146 116 130",
             "guarded": "M90 136 L110 136",
             "tired": "M88 138 Q100 132 112 138"}[e]
    width = 4 if e != "guarded" else 4.5
    out.append(f'<path d="{mouth}" stroke="{"#F4F1EA" if p["beard"] else INK}" stroke-width="{width}" fill="none" stroke-linecap="round"/>')
    return "".join(out)


def portrait(pid, p, e):
    tilt = {"neutral": 0, "open": -3, "guarded": 4, "tired": 2}[e]
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- {pid}/{e}.svg: a portrait of the cast of samenspel, drawn by tools/portraits.py for this project. -->
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200">
  <circle cx="100" cy="100" r="100" fill="{p["bg"]}"/>
  <path d="M30 200 Q34 156 72 150 L128 150 Q166 156 170 200 Z" fill="{p["clothes"]}"/>
  <path d="M84 150 L100 172 L116 150 Z" fill="{p["collar"]}"/>
  <rect x="88" y="132" width="24" height="22" fill="{p["skin"]}"/>
  <g transform="rotate({tilt} 100 150)">
    {hair_back(p)}
    <ellipse cx="100" cy="100" rx="42" ry="50" fill="{p["skin"]}"/>
    <ellipse cx="57" cy="104" rx="6" ry="10" fill="{p["skin"]}"/>
    <ellipse cx="143" cy="104" rx="6" ry="10" fill="{p["skin"]}"/>
    {hair_front(p)}
    {face(p, e)}
  </g>
</svg>
'''


def main():
    for pid, p in PEOPLE.items():
        os.makedirs(os.path.join(OUT, pid), exist_ok=True)
        for e in EXPRESSIONS:
            with open(os.path.join(OUT, pid, e + ".svg"), "w", encoding="utf-8") as f:
                f.write(portrait(pid, p, e))
    print("portraits.py: %d people x %d expressions in %s" % (len(PEOPLE), len(EXPRESSIONS), OUT))


if __name__ == "__main__":
    main()
