# Picks a JDK 25 or newer and exports JAVA_HOME to it (and puts its bin/ first on PATH).
# Sourced (POSIX sh) by ./mvnw and ./autograd4j, so it prints nothing on stdout.
#   1. $JAVA_HOME, if it is a JDK 25+;
#   2. else the javac on PATH, if it belongs to a JDK 25+;
#   3. else the newest JDK 25+ under /usr/lib/jvm (or the folders in $AUTOGRAD4J_JDK_DIRS, space-separated);
#   4. else an error on stderr and exit 1.

AG4J_MIN_JDK=25

# Prints the feature version (e.g. 25) of the JDK at $1; fails if $1 is not a JDK.
ag4j_jdk_feature() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  ag4j_v=
  if [ -f "$1/release" ]; then
    ag4j_v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null)
  fi
  if [ -z "$ag4j_v" ]; then
    ag4j_v=$("$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  ag4j_v=${ag4j_v#1.}
  ag4j_v=${ag4j_v%%[!0-9]*}
  [ -n "$ag4j_v" ] || return 1
  printf '%s\n' "$ag4j_v"
}

ag4j_find_jdk() {
  ag4j_found=
  if [ -n "${JAVA_HOME-}" ]; then
    ag4j_f=$(ag4j_jdk_feature "$JAVA_HOME") && [ "$ag4j_f" -ge "$AG4J_MIN_JDK" ] && ag4j_found=$JAVA_HOME
  fi
  if [ -z "$ag4j_found" ]; then
    ag4j_javac=$(command -v javac 2>/dev/null) || ag4j_javac=
    if [ -n "$ag4j_javac" ]; then
      ag4j_home=$(readlink -f "$ag4j_javac" 2>/dev/null) || ag4j_home=
      ag4j_home=${ag4j_home%/bin/javac}
      if [ -n "$ag4j_home" ]; then
        ag4j_f=$(ag4j_jdk_feature "$ag4j_home") && [ "$ag4j_f" -ge "$AG4J_MIN_JDK" ] && ag4j_found=$ag4j_home
      fi
    fi
  fi
  if [ -z "$ag4j_found" ]; then
    ag4j_best=0
    # Globbing may be off in the caller (mvnw runs under `set -f`): list the folders with ls instead.
    for ag4j_dir in ${AUTOGRAD4J_JDK_DIRS:-/usr/lib/jvm}; do
      [ -d "$ag4j_dir" ] || continue
      for ag4j_name in $(ls -1 "$ag4j_dir" 2>/dev/null); do
        ag4j_home="$ag4j_dir/$ag4j_name"
        [ -L "$ag4j_home" ] && continue   # aliases such as default-java; their targets are listed too
        ag4j_f=$(ag4j_jdk_feature "$ag4j_home") || continue
        if [ "$ag4j_f" -ge "$AG4J_MIN_JDK" ] && [ "$ag4j_f" -gt "$ag4j_best" ]; then
          ag4j_best=$ag4j_f
          ag4j_found=$ag4j_home
        fi
      done
    done
  fi
  if [ -z "$ag4j_found" ]; then
    echo "autograd4j needs JDK $AG4J_MIN_JDK or newer; set JAVA_HOME to one (JAVA_HOME=${JAVA_HOME:-<unset>}, and none was found on PATH or under ${AUTOGRAD4J_JDK_DIRS:-/usr/lib/jvm})." >&2
    return 1
  fi
  JAVA_HOME=$ag4j_found
  export JAVA_HOME
  PATH="$JAVA_HOME/bin:$PATH"
  export PATH
}

ag4j_find_jdk || exit 1
unset ag4j_v ag4j_f ag4j_found ag4j_javac ag4j_home ag4j_best ag4j_dir ag4j_name
unset -f ag4j_jdk_feature ag4j_find_jdk
unset AG4J_MIN_JDK
