#!/usr/bin/env bash
# Sets up Fray 0.9.2 for the benchmark harness (bench.sh --fray) and prints the path of the file
# that says where its parts are. Everything comes from a Maven repository through mvn: fray-core
# with its dependencies (the launcher and the instrumentation agent among them), and Fray's Maven
# plugin, whose prepare-fray goal links a JDK 25 with Fray's instrumentation and unpacks its JVMTI
# library. The result is cached in $FRAY_HOME (default testbench/target/fray); a second call only
# checks it. Nothing else on the machine changes.
#
# JDK25_HOME names the JDK 25 to instrument (default /usr/lib/jvm/temurin-25-jdk-amd64). Temurin
# ships without jmods/, which prepare-fray's jlink call puts on the module path; jlink then finds
# no module. So the plugin is pointed at a folder whose bin/jlink calls the real one without that
# module path and with the JDK's own module list: linking from the run-time image works, except for
# jdk.jlink and jdk.jpackage, which it refuses to copy and which no benchmark needs.
#
# MVN_ARGS adds Maven options; the first call needs the registry (no -o).
set -euo pipefail

VERSION=0.9.2
here=$(cd "$(dirname "$0")" && pwd)
home=${FRAY_HOME:-$here/target/fray}
jdk=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
properties=$home/fray.properties

fail() {
  echo "fray-setup: $*" >&2
  exit 1
}

value() { sed -n "s/^$1=//p" "$properties"; }
if [ -f "$properties" ]; then
  if [ -x "$(value java)" ] && [ -f "$(value jvmti)" ] && [ -f "$(value agent)" ]; then
    echo "$properties"
    exit 0
  fi
  echo "fray-setup: $properties names missing files; setting Fray up again" >&2
fi

[ -x "$jdk/bin/jlink" ] && [ -x "$jdk/bin/java" ] \
  || fail "no JDK with bin/jlink at $jdk; set JDK25_HOME to a JDK 25"
"$jdk/bin/java" -version 2>&1 | grep -q 'version "25' \
  || fail "$jdk is not a JDK 25 (Fray $VERSION instruments JDK 25 only); set JDK25_HOME"

mkdir -p "$home/project" "$home/jdk/bin"
cd "$home/project"
cat > pom.xml <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <!-- Written by testbench/fray-setup.sh: only there to resolve Fray and run its plugin. -->
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.weft.bench</groupId>
  <artifactId>fray-setup</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.pastalab.fray</groupId>
      <artifactId>fray-core</artifactId>
      <version>$VERSION</version>
    </dependency>
    <dependency>
      <groupId>org.pastalab.fray</groupId>
      <artifactId>fray-jvmti-linux-x8664</artifactId>
      <version>$VERSION</version>
    </dependency>
  </dependencies>
</project>
EOF

# The folder prepare-fray takes for a JDK: the real java, and a jlink that links from the
# run-time image instead of the missing jmods/.
ln -sf "$jdk/bin/java" "$home/jdk/bin/java"
cat > "$home/jdk/bin/jlink" <<EOF
#!/usr/bin/env bash
modules=\$("$jdk/bin/java" --list-modules | sed 's/@.*//' \\
  | grep -vxE 'jdk\\.jlink|jdk\\.jpackage' | paste -sd, -)
args=()
for a in "\$@"; do
  case "\$a" in
    --module-path=*/jmods) ;;
    --add-modules=ALL-MODULE-PATH) args+=("--add-modules=\$modules") ;;
    *) args+=("\$a") ;;
  esac
done
exec "$jdk/bin/jlink" "\${args[@]}"
EOF
chmod +x "$home/jdk/bin/jlink"

log=$home/setup.log
echo "fray-setup: resolving Fray $VERSION (log: $log)" >&2
# shellcheck disable=SC2086
mvn -B ${MVN_ARGS:-} dependency:build-classpath -Dmdep.outputFile="$home/fray.classpath" \
  >"$log" 2>&1 \
  || fail "cannot resolve org.pastalab.fray:fray-core:$VERSION from the Maven repository" \
    "(without -o in MVN_ARGS the first time?); see $log"
echo "fray-setup: linking an instrumented JDK 25 with prepare-fray (a few minutes)" >&2
rm -rf "$home/project/target"
# shellcheck disable=SC2086
mvn -B ${MVN_ARGS:-} "org.pastalab.fray.maven:fray-plugins-maven:$VERSION:prepare-fray" \
  -Dplugin.jdkPath="$home/jdk" >>"$log" 2>&1 \
  || fail "prepare-fray failed to build the instrumented JDK; see $log"

java=$home/project/target/fray/fray-java/bin/java
jvmti=$home/project/target/fray/fray-jvmti/libjvmti.so
agent=$(tr ':' '\n' < "$home/fray.classpath" | grep '/fray-instrumentation-agent-[^/]*\.jar$' || true)
[ -x "$java" ] || fail "prepare-fray made no $java; see $log"
[ -f "$jvmti" ] || fail "prepare-fray made no $jvmti; see $log"
[ -n "$agent" ] || fail "fray-instrumentation-agent is not among fray-core's dependencies"
"$java" -version 2>&1 | grep -q 'version "25' || fail "$java does not run; see $log"

{
  echo "version=$VERSION"
  echo "java=$java"
  echo "jvmti=$jvmti"
  echo "agent=$agent"
  echo "classpath=$(cat "$home/fray.classpath")"
} > "$properties"
echo "$properties"
