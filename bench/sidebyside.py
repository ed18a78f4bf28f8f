"""Times commands side by side, in turn, on this machine and in this run (make bench).

Each round runs every command once, in turn (A B C … A B C …), after one warm-up round, so a
drift of the shared machine's speed hits all of them alike. For each command it prints the median
wall and CPU (user + system) seconds over the rounds and the peak resident memory of the process
(getrusage of the reaped child), and for each command after the first the median of the per-round
ratios to the first one (the floor). Only the standard library: wait4 gives the child's own
accounting.

Usage: python3 sidebyside.py --rounds 3 --households N [--versus LABEL] --label floor -- CMD ...
       --label product -- CMD ...
(each command is given as one shell-free argument list after `--label NAME --`.) `--versus LABEL`
adds a column: each command's median per-round wall ratio to that command as well.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def run_once(argv: list[str]) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):  # povreview: 3 = published with quarantined rows
        sys.exit(f"sidebyside: {' '.join(argv)} exited {code}:\n{stderr[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def parse(argv: list[str]):
    head, commands, label, current = [], [], None, None
    i = 0
    while i < len(argv):
        if argv[i] == "--label":
            if current is not None:
                commands.append((label, current))
            label, current = argv[i + 1], None
            i += 2
            continue
        if argv[i] == "--" and label is not None and current is None:
            current = []
        elif current is not None:
            current.append(argv[i])
        else:
            head.append(argv[i])
        i += 1
    if current is not None:
        commands.append((label, current))
    options = argparse.ArgumentParser()
    options.add_argument("--rounds", type=int, default=3)
    options.add_argument("--households", type=int, required=True)
    options.add_argument("--json")
    options.add_argument("--versus", help="a second command to give every wall ratio against")
    return options.parse_args(head), commands


def main() -> None:
    args, commands = parse(sys.argv[1:])
    if len(commands) < 2:
        sys.exit("sidebyside: give at least two commands (the first is the floor)")
    print(f"sidebyside: warm-up round, then {args.rounds} rounds of {len(commands)} commands in turn", flush=True)
    for _, argv in commands:
        run_once(argv)
    results = {label: [] for label, _ in commands}
    for round_index in range(args.rounds):
        for label, argv in commands:
            results[label].append(run_once(argv))
        print(f"sidebyside: round {round_index + 1}/{args.rounds} done", flush=True)
    floor_label = commands[0][0]
    versus = args.versus
    if versus is not None and versus not in results:
        sys.exit(f"sidebyside: --versus {versus} is not one of the commands' labels")
    summary = []
    print()
    extra = f" wall ratio to {versus} |" if versus else ""
    print(f"| command | median wall s | median CPU s | households/s | peak MB | wall ratio to {floor_label} | CPU ratio |{extra}")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |" + (" ---: |" if versus else ""))
    for label, _ in commands:
        runs = results[label]
        wall = statistics.median(r["wall"] for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        rss = max(r["rss_mb"] for r in runs)
        wall_ratio = statistics.median(r["wall"] / f["wall"] for r, f in zip(runs, results[floor_label]))
        cpu_ratio = statistics.median(r["cpu"] / f["cpu"] for r, f in zip(runs, results[floor_label]))
        entry = {"command": label, "wall": wall, "cpu": cpu, "peak_mb": rss,
                 "wall_ratio": wall_ratio, "cpu_ratio": cpu_ratio,
                 "households_per_s": args.households / wall}
        line = (f"| {label} | {wall:.2f} | {cpu:.2f} | {args.households / wall:,.0f} | {rss:.0f} | "
                f"{wall_ratio:.2f} | {cpu_ratio:.2f} |")
        if versus:
            entry["wall_ratio_versus"] = statistics.median(r["wall"] / v["wall"] for r, v in zip(runs, results[versus]))
            line += f" {entry['wall_ratio_versus']:.2f} |"
        summary.append(entry)
        print(line)
    spread = {label: (min(r["wall"] for r in results[label]), max(r["wall"] for r in results[label]))
              for label, _ in commands}
    print()
    print("wall min–max per command: " + "; ".join(f"{k} {a:.2f}–{b:.2f} s" for k, (a, b) in spread.items()))
    if args.json:
        with open(args.json, "w") as out:
            json.dump(summary, out, indent=2)


if __name__ == "__main__":
    main()
