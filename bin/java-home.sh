# Sourced by ./lifeline and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, the `java` on PATH if it is 21+, else the newest JDK 21+ under /usr/lib/jvm.

lifeline_java_major() {
  local release="$1/release" version
  [ -x "$1/bin/javac" ] || return 1
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$release")
  else
    version=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

lifeline_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(lifeline_java_major "$JAVA_HOME") && [ "${major:-0}" -ge 21 ] && { echo "$JAVA_HOME"; return 0; }
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(lifeline_java_major "$candidate") && [ "${major:-0}" -ge 21 ] && { echo "$candidate"; return 0; }
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] || continue
    major=$(lifeline_java_major "$candidate") || continue
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -n "$best" ] && { echo "$best"; return 0; }
  return 1
}

if ! LIFELINE_JDK=$(lifeline_find_jdk); then
  echo "lifeline: no JDK 21 or newer found (checked JAVA_HOME, PATH and /usr/lib/jvm). Install one, e.g. Temurin 21, and set JAVA_HOME." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME="$LIFELINE_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
