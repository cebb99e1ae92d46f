#!/usr/bin/env python3
"""Writes a large org with other conventions than `opmodel::synth`.

Speed and memory at scale are measured on synth's orgs; this org checks that
they do not depend on synth's habits. Its ids are short codes (`t000042`,
`p000042a`), the fields of an entity come in varying order, references are
lists, key results mix strings and tables with their own ids, texts hold
non-ASCII characters, some entities carry descriptions, and it plants its
own defects (second owners, missing and conflicting deciders, dangling
scopes). Same arguments, same bytes.

    python3 scripts/alt-org.py 100000 alt.json
    target/release/opmodel check --format json alt.json > /dev/null
"""
import json, random, sys

if len(sys.argv) != 3:
    sys.exit("usage: alt-org.py TEAMS OUT.json")
n = int(sys.argv[1]); out = sys.argv[2]
r = random.Random(42)
teams, products, outcomes, objectives, decisions = [], [], [], [], []
units = max(1, n // 12)
bus = max(1, units // 10)
for b in range(bus):
    teams.append({"kind": "unit", "id": f"bu{b:03d}", "name": f"Business Unit {b} – Région", "parent": "organization"})
for u in range(units):
    teams.append({"id": f"u{u:05d}", "parent": f"bu{u % bus:03d}", "kind": "unit", "description": "A tribe of stream-aligned teams"})
verbs = ["Launch", "Ship", "Deliver", "Complete", "Migrate", "Build"]
things = ["checkout", "search", "onboarding", "billing", "catalogue", "payments", "notifications"]
for t in range(n):
    tid = f"t{t:06d}"
    prods = [f"p{t:06d}a"] + ([f"p{t:06d}b"] if t % 2 == 0 else [])
    team = {"name": f"Team {t} ✓", "id": tid, "parent": f"u{t % units:05d}", "kind": r.choice(["stream-aligned", "platform", "enabling"]),
            "owns": prods, "members": [{"role": "product-manager", "name": "Zoë"}, {"name": "Ana", "role": "engineering-lead"}] + [{"name": f"Dev {i}", "role": "engineer"} for i in range(r.randint(2, 6))]}
    if r.random() < 0.3: team["description"] = "Owns " + ", ".join(prods) + " and on-call for them"
    teams.append(team)
    for p in prods:
        prod = {"id": p, "name": f"{r.choice(things).title()} {p}", "kind": r.choice(["customer-facing", "internal", "platform"]), "funding": "product" if r.random() < 0.9 else "project"}
        if r.random() < 0.5: prod["outcomes"] = [f"o{(t // 2):06d}"]
        if r.random() < 0.01: prod["owner"] = [f"t{(t + 1) % n:06d}"]  # a second owner
        products.append(prod)
    if t % 2 == 0:
        outcomes.append({"statement": f"Customers of {r.choice(things)} succeed faster", "id": f"o{(t // 2):06d}", "metric": "task success rate", "baseline": 61.0, "target": 70.0, "owner": tid})
    krs = []
    for k in range(3):
        if r.random() < 0.4:
            krs.append(f"{r.choice(verbs)} the new {r.choice(things)} flow by Q{r.randint(1,4)}")
        elif r.random() < 0.5:
            krs.append({"text": f"Raise {r.choice(things)} conversion from {r.randint(10,30)}% to {r.randint(31,60)}%", "id": f"k{t:06d}{k}", "metric": "conversion", "baseline": 20, "target": 40, "unit": "%"})
        else:
            krs.append(f"Cut p95 latency of {r.choice(things)} from 900 ms to 400 ms")
    obj = {"title": f"Make {r.choice(things)} effortless for everyone", "key_results": krs, "owner": tid, "id": f"obj{t:06d}", "period": "2026-Q4"}
    if t % 2 == 0: obj["supports"] = [f"o{(t // 2):06d}"]
    objectives.append(obj)
    for area in ["feature-set", "budget-allocation"]:
        d = {"scope": prods[0], "area": area, "decides": [tid] if r.random() > 0.01 else [], "consulted": [f"t{(t + 3) % n:06d}"], "informed": [f"u{t % units:05d}"]}
        if r.random() < 0.01: d["decides"] = [tid, f"t{(t + 7) % n:06d}"]
        if r.random() < 0.005: d["scope"] = f"p{t:06d}x"  # dangling
        decisions.append(d)
doc = {"organization": {"name": "Alt Generated"}, "version": 1, "teams": teams, "products": products, "outcomes": outcomes, "objectives": objectives, "decisions": decisions}
json.dump(doc, open(out, "w"), ensure_ascii=False, indent=2)
print(len(teams) + len(products) + len(outcomes) + len(objectives) + len(decisions) + sum(len(o["key_results"]) for o in objectives), "entities")
