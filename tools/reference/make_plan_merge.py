#!/usr/bin/env python3
"""A merged-province scenario derived from SampleData, for the plans' territory rule (plans.md
"A plan's territory ... never judged on the merged province").

  python3 tools/reference/make_plan_merge.py /work/main/SampleData /work/main/Pipelines OUTDIR

Writes OUTDIR/{admin_units.csv, crosswalk.csv, targets.csv, dumps/households_*.csv, pipe.yaml,
plans -> PIPELINES/plans}: district 994 (Huyện Hải Xuân) becomes its own province 98 "Tỉnh Hải
Xuân" (valid to 2024), and the 2025 reform merges it into province 99 (code 99 survives, as
Đà Nẵng's 48 did). Dump rows of 994's communes before 2025 carry province code 98. The crosswalk is
SampleData's plus `98,99,1`. pipe.yaml is Pipelines/default.yaml with these inputs and the
territories lang-son=99, bac-ninh=99 (the surviving code: judged on its old territory, without the
2025 communes 99505/99506 whose predecessors lay in 98) and vinh-phuc=98, da-nang=98 (the absorbed
province). The product resolves plans by id from the pipeline folder, hence the `plans` symlink (the
plan files are not read by this script)."""
import os
import re
import shutil
import sys


def main(sample, pipelines, out):
    os.makedirs(os.path.join(out, "dumps"), exist_ok=True)
    adm = open(os.path.join(sample, "admin_units.csv"), encoding="utf-8").read().splitlines()
    lines = []
    for line in adm:
        if line.startswith("994,"):
            line = line.replace(",district,99,", ",district,98,")
        lines.append(line)
        if line.startswith("99,"):
            lines.append("98,Tỉnh Hải Xuân,province,,0,0,,,2024")
    with open(os.path.join(out, "admin_units.csv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    xw = open(os.path.join(sample, "crosswalk.csv"), encoding="utf-8").read().rstrip("\n")
    with open(os.path.join(out, "crosswalk.csv"), "w", encoding="utf-8") as f:
        f.write(xw + "\n98,99,1\n")
    shutil.copy(os.path.join(sample, "targets.csv"), os.path.join(out, "targets.csv"))
    pat = re.compile(rb"^(\d{4},[^,]*,)99(,994,)", re.M)
    for name in sorted(os.listdir(sample)):
        if name.startswith("households") and name.endswith(".csv"):
            data = open(os.path.join(sample, name), "rb").read()
            with open(os.path.join(out, "dumps", name), "wb") as f:
                f.write(pat.sub(rb"\g<1>98\2", data))
    pipe = open(os.path.join(pipelines, "default.yaml"), encoding="utf-8").read()
    o = os.path.abspath(out)
    for a, b in [("../SampleData/crosswalk.csv", f"{o}/crosswalk.csv"),
                 ("../SampleData/targets.csv", f"{o}/targets.csv"),
                 ("../SampleData/admin_units.csv", f"{o}/admin_units.csv"),
                 ("folder: ../SampleData", f"folder: {o}/dumps"),
                 ("folder: ../out", f"folder: {o}/out"),
                 ("standards/vn-20", f"{os.path.abspath(pipelines)}/standards/vn-20"),
                 ('id: vinh-phuc, territory: "99"', 'id: vinh-phuc, territory: "98"'),
                 ('id: da-nang, territory: "99"', 'id: da-nang, territory: "98"')]:
        pipe = pipe.replace(a, b)
    with open(os.path.join(out, "pipe.yaml"), "w", encoding="utf-8") as f:
        f.write(pipe)
    link = os.path.join(out, "plans")
    if os.path.islink(link):
        os.remove(link)
    os.symlink(os.path.abspath(os.path.join(pipelines, "plans")), link)


if __name__ == "__main__":
    main(*sys.argv[1:4])
