#!/usr/bin/env bash
# Builds Weft and runs its benchmarks with the flags they need. From anywhere:
#
#   testbench/bench.sh [harness arguments]     the harness (see docs/benchmarks.md), e.g.
#   testbench/bench.sh --programs buggy --strategies random,pct --seeds 10 --budget 1000 --lincheck
#   testbench/bench.sh --programs buggy --strategies random,pct --fray   Fray too, set up on demand
#   testbench/bench.sh scale [--fray] [--threads 2,10,50,100 ...]      executions/s against threads
#   testbench/bench.sh jmh [--quick]           the JMH per-operation microbenchmarks
#   testbench/bench.sh lin [--scenarios N ...]  Weft's linearizability check beside Lincheck's (LinearizabilityBench)
#   testbench/bench.sh soak [--executions 1000000] [--rounds 50]  heap and threads over many executions
#   testbench/bench.sh structures              steps and speed with the JDK's structures opened up, and not (StructureCost)
#
# SKIP_BUILD=1 skips the build; MVN_ARGS adds Maven options (e.g. MVN_ARGS=-o to stay offline).
# --fray runs testbench/fray-setup.sh first, which fetches Fray 0.9.2 through mvn and links its
# instrumented JDK 25 once (cached in testbench/target/fray; JDK25_HOME, FRAY_HOME override).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_BUILD:-}" != 1 ]; then
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} install -DskipTests -pl scheduler,agent,explorer,testbench
fi

AGENT=agent/target/weft-agent.jar
CP="testbench/target/classes:$(cat testbench/target/bench.classpath)"
FRAY=()
for arg in "$@"; do
  if [ "$arg" = --fray ]; then
    FRAY=(-Dweft.bench.fray="$(testbench/fray-setup.sh)")
    break
  fi
done

if [ "${1:-}" = jmh ]; then
  shift
  exec java -cp "$CP" dev.weft.testbench.bench.jmh.JmhMain --agent "$AGENT" "$@"
fi
if [ "${1:-}" = scale ]; then
  shift
  # Weft's API in this JVM, with its agent; Weft's command line and Fray in child JVMs.
  exec java -Xshare:off -ea -javaagent:"$AGENT" "${FRAY[@]}" -cp "$CP" \
    dev.weft.testbench.bench.ScaleBench "$@"
fi
if [ "${1:-}" = structures ]; then
  shift
  exec java -Xshare:off -ea -javaagent:"$AGENT" -cp "$CP" dev.weft.testbench.bench.StructureCost "$@"
fi
if [ "${1:-}" = soak ]; then
  shift
  exec java -Xshare:off -ea -javaagent:"$AGENT" -cp "$CP" dev.weft.testbench.bench.Soak "$@"
fi
if [ "${1:-}" = lin ]; then
  shift
  # Weft in this JVM, with its agent; Lincheck in a child JVM without it.
  exec java -Xshare:off -ea -javaagent:"$AGENT"=races -cp "$CP" dev.weft.testbench.bench.LinearizabilityBench "$@"
fi
# The harness runs Weft in this JVM (hence the agent) and Lincheck, with --lincheck, in child JVMs
# without it. The agent instruments plain accesses, as `weft run`'s does, so every strategy can
# schedule the ones found racing.
exec java -Xshare:off -ea -javaagent:"$AGENT"=races "${FRAY[@]}" -cp "$CP" \
  dev.weft.testbench.bench.Harness "$@"
