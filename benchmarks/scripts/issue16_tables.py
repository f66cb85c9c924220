#!/usr/bin/env python3
"""Prints the per-benchmark tables of docs/BENCHMARKS.md from one run of issue16.sh.

    benchmarks/scripts/issue16_tables.py OUT

OUT is the directory issue16.sh wrote: main.json (JMH, every gevent4j benchmark and its JVM peers),
gc.json (the same with -prof gc: bytes allocated per operation), kotlin/ (the Kotlin peers' JMH
JSON and footprint.log), foot.log (sleeping footprints) and compile.log (compile time). Scores are
JMH's mean and its 99.9% confidence error; a row the run did not produce is left out.
"""
import glob
import json
import math
import os
import re
import sys

GEVENT = "io.gevent4j.benchmarks."

SWITCH = [
    ("floor: hand-written state machines on an `ArrayDeque`", GEVENT + "PingPongBenchmark.handWrittenFloor"),
    ("gevent4j: `Gevent.sleep(0)` between two greenlets", GEVENT + "PingPongBenchmark.greenletSleep0"),
    ("Kotlin: `yield()` between two coroutines (`runBlocking`)", "peers.KotlinPingPong.coroutineYield"),
    ("virtual threads: `Thread.yield()`, one carrier", GEVENT + "PingPongBenchmark.virtualThreadYield"),
]
HAND_OFF = [
    ("gevent4j: two rendezvous `Channel`s", GEVENT + "PingPongBenchmark.greenletChannelHandOff"),
    ("Kotlin: two rendezvous `Channel`s", "peers.KotlinPingPong.coroutineChannelHandOff"),
    ("virtual threads: two `SynchronousQueue`s, one carrier", GEVENT + "PingPongBenchmark.virtualThreadHandOff"),
    ("platform threads: two `SynchronousQueue`s", GEVENT + "PingPongBenchmark.platformThreadHandOff"),
]
NESTED = [
    ("coroutine calls a static coroutine that returns at once", GEVENT + "DispatchBenchmark.staticCall"),
    ("... a final instance coroutine", GEVENT + "DispatchBenchmark.finalCall"),
    ("... an overridable one, one receiver class", GEVENT + "DispatchBenchmark.overridableMonomorphic"),
    ("... an interface coroutine, one receiver class", GEVENT + "DispatchBenchmark.interfaceMonomorphic"),
    ("... an interface coroutine, two receiver classes", GEVENT + "DispatchBenchmark.interfaceBimorphic"),
    ("plain call, not inlined (`CompilerControl.DONT_INLINE`)", GEVENT + "DispatchBenchmark.plainCallNotInlined"),
    ("plain call inside a coroutine (inlined)", GEVENT + "DispatchBenchmark.plainCallInCoroutine"),
]
SPAWN = [
    ("gevent4j: `Gevent.spawn` + `joinAll`", GEVENT + "SpawnBenchmark.greenletSpawnJoin"),
    ("Kotlin: `launch` + `join`", "peers.KotlinSpawn.coroutineSpawnJoin"),
    ("virtual threads: start + join, one carrier", GEVENT + "SpawnBenchmark.virtualThreadSpawnJoin"),
]
SKYNET = [
    ("gevent4j: greenlets, `get()` of each child", GEVENT + "SpawnBenchmark.greenletSkynet"),
    ("Kotlin: `async` / `await`", "peers.KotlinSpawn.coroutineSkynet"),
    ("virtual threads, one carrier", GEVENT + "SpawnBenchmark.virtualThreadSkynet"),
]
TIMERS = [
    ("gevent4j: 1M `hub.schedule`, all fired (virtual clock)", GEVENT + "TimerBenchmark.hubScheduleFire"),
    ("gevent4j: 1M `Gevent.sleep` in 1,000 greenlets, fired", GEVENT + "TimerBenchmark.greenletSleeps"),
    ("gevent4j: 1M `hub.schedule`, each cancelled", GEVENT + "TimerBenchmark.hubScheduleCancel"),
    ("Netty `HashedWheelTimer`: 1M scheduled, fired", GEVENT + "TimerBenchmark.nettyScheduleFire"),
    ("Netty `HashedWheelTimer`: 1M scheduled, cancelled", GEVENT + "TimerBenchmark.nettyScheduleCancel"),
    ("`ScheduledThreadPoolExecutor(1)`: 1M scheduled, fired", GEVENT + "TimerBenchmark.stpeScheduleFire"),
    ("`ScheduledThreadPoolExecutor(1)`: 1M scheduled, cancelled", GEVENT + "TimerBenchmark.stpeScheduleCancel"),
]


def load_jmh(paths):
    """{benchmark: (score, error, unit, forks, iterations per fork)}"""
    runs = {}
    for path in paths:
        try:
            with open(path) as f:
                for run in json.load(f):
                    metric = run["primaryMetric"]
                    error = metric.get("scoreError")
                    error = float(error) if error not in (None, "NaN") else math.nan
                    alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
                    runs[run["benchmark"]] = {
                        "score": float(metric["score"]), "error": error, "unit": metric["scoreUnit"],
                        "forks": run.get("forks"), "iterations": run.get("measurementIterations"),
                        "alloc": float(alloc["score"]) if alloc else None,
                    }
        except (OSError, ValueError):
            continue
    return runs


def number(value):
    if value is None or math.isnan(value):
        return "—"
    if abs(value) >= 100:
        return "{:,.0f}".format(value)
    if abs(value) >= 10:
        return "{:.1f}".format(value)
    if abs(value) >= 0.1:
        return "{:.2f}".format(value)
    return "{:.3f}".format(value)


def table(title, rows, main, gc, per_op_divisor=1, per_op_label="B/op", ratio_to=None):
    present = [(label, name) for label, name in rows if name in main]
    if not present:
        return ""
    unit = main[present[0][1]]["unit"]
    header = "| | score ({}) | {} |".format(unit, per_op_label)
    line = "|---|---|---|"
    if ratio_to in main:
        header += " × floor |"
        line += "---|"
    out = ["### " + title, "", header, line]
    for label, name in present:
        run = main[name]
        alloc = gc.get(name, {}).get("alloc")
        cells = [label, "{} ± {}".format(number(run["score"]), number(run["error"])),
                 number(alloc / per_op_divisor) if alloc is not None else "—"]
        if ratio_to in main:
            cells.append("{:.2f}".format(run["score"] / main[ratio_to]["score"]))
        out.append("| " + " | ".join(cells) + " |")
    forks = sorted({"{} × {}".format(main[n]["forks"], main[n]["iterations"]) for _, n in present})
    out += ["", "Forks × measurement iterations: {}.".format(", ".join(forks)), ""]
    return "\n".join(out)


def footprint(out_dir):
    rows = {}
    for line in open_lines(os.path.join(out_dir, "foot.log")):
        m = re.match(r"(\w+) (\w+) \d+: .*?([0-9.]+) bytes of heap each", line)
        if m:
            rows.setdefault((m.group(1), m.group(2)), []).append(m.group(3))
    for path in glob.glob(os.path.join(out_dir, "kotlin", "footprint.log")):
        for line in open_lines(path):
            m = re.search(r"([0-9.]+) bytes of heap each", line)
            if m:
                rows.setdefault(("default (G1)", "Kotlin"), []).append(m.group(1))
    if not rows:
        return ""
    out = ["### Footprint: heap bytes per sleeping task (1,000,000 asleep)", "",
           "| GC | task | bytes each, one JVM per figure |", "|---|---|---|"]
    for (gc, kind), values in sorted(rows.items()):
        name = {"greenlets": "gevent4j greenlet in `Gevent.sleep`", "virtual": "virtual thread in `Thread.sleep`",
                "Kotlin": "Kotlin coroutine in `delay` (`-Xmx4g`)"}.get(kind, kind)
        out.append("| {} | {} | {} |".format(gc, name, ", ".join(values)))
    return "\n".join(out) + "\n"


def compile_time(out_dir):
    lines = [l.rstrip() for l in open_lines(os.path.join(out_dir, "compile.log"))
             if re.match(r"(javac|sources|generated|class files|plain|processed|output|overhead)\b", l)]
    if not lines:
        return ""
    return "\n".join(["### Compile time: 500 generated `@Coroutine` methods", "", "```"] + lines + ["```", ""])


def open_lines(path):
    try:
        with open(path) as f:
            return f.readlines()
    except OSError:
        return []


def main():
    out_dir = sys.argv[1]
    main_runs = load_jmh([os.path.join(out_dir, "main.json")] + sorted(glob.glob(os.path.join(out_dir, "kotlin", "*.json"))))
    gc_runs = load_jmh([os.path.join(out_dir, "gc.json")])
    floor = GEVENT + "PingPongBenchmark.handWrittenFloor"
    parts = [
        table("Switch: ping-pong between two tasks on one core (ns per switch)", SWITCH, main_runs, gc_runs,
              1, "B/switch", floor),
        table("Hand-off: ping-pong through rendezvous channels (ns per transfer)", HAND_OFF, main_runs, gc_runs,
              1, "B/transfer"),
        table("Nested call: a coroutine call that returns without suspending (ns per call)", NESTED, main_runs, gc_runs),
        table("Spawn + join 1,000,000 (ms)", SPAWN, main_runs, gc_runs, 1_000_000, "B/task"),
        table("Skynet 1,111,111 (ms)", SKYNET, main_runs, gc_runs, 1_111_111, "B/task"),
        table("Timers: 1,000,000 per operation (ns per timer)", TIMERS, main_runs, gc_runs, 1, "B/timer"),
        footprint(out_dir),
        compile_time(out_dir),
    ]
    print("\n".join(p for p in parts if p))


if __name__ == "__main__":
    main()
