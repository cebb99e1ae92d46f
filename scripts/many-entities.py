#!/usr/bin/env python3
"""Writes one org of N small entities as TOML and as JSON, the same model.

The memory of loading TOML is compared with JSON's on these (issue 18):
half teams, each with a parent unit, half products owned by one of them,
so that per-entity overhead, not text, dominates. Same arguments, same bytes.

    python3 scripts/many-entities.py 1000000 /tmp/many
    /usr/bin/time -v target/release/opmodel check --format json /tmp/many.toml > /dev/null
    /usr/bin/time -v target/release/opmodel check --format json /tmp/many.json > /dev/null
"""
import json, sys

if len(sys.argv) != 3:
    sys.exit("usage: many-entities.py ENTITIES OUT_STEM")
n = int(sys.argv[1]); stem = sys.argv[2]
teams = n // 2
products = n - teams
units = max(1, teams // 100)

def team(i):
    if i < units:
        return {"id": f"u{i}", "kind": "unit"}
    return {"id": f"t{i}", "parent": f"u{i % units}"}

def product(i):
    return {"id": f"p{i}", "owner": f"t{units + i % (teams - units)}"}

with open(stem + ".toml", "w") as f:
    w = f.write
    for i in range(teams):
        t = team(i)
        w("[[teams]]\n")
        for k, v in t.items():
            w(f'{k} = "{v}"\n')
    for i in range(products):
        p = product(i)
        w("[[products]]\n")
        for k, v in p.items():
            w(f'{k} = "{v}"\n')

with open(stem + ".json", "w") as f:
    f.write('{"teams": [\n')
    f.write(",\n".join(json.dumps(team(i)) for i in range(teams)))
    f.write('\n], "products": [\n')
    f.write(",\n".join(json.dumps(product(i)) for i in range(products)))
    f.write("\n]}\n")
