# Finds a JDK of at least a given feature version and exports JAVA_HOME and PATH for it.
# Sourced by ./platform and .ci/run:  . .ci/find-jdk.sh && murmur_find_jdk 21
#
# JAVA_HOME wins when it is new enough; otherwise the newest JDK in the usual install
# locations (or the one behind `java` on the PATH) is taken.

# Prints the feature version (17, 21, 25, ...) of the JDK at $1, or fails.
murmur_jdk_feature() {
	local home=$1 version=""
	[ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
	if [ -f "$home/release" ]; then
		version=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$home/release" | head -n 1)
	fi
	if [ -z "$version" ]; then
		version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
	fi
	[ -n "$version" ] || return 1
	version=${version#1.}
	version=${version%%[.+-]*}
	case $version in
		'' | *[!0-9]*) return 1 ;;
	esac
	echo "$version"
}

murmur_find_jdk() {
	local minimum=${1:-21} best="" best_feature=0 candidate feature resolved
	if [ -n "${JAVA_HOME:-}" ] && feature=$(murmur_jdk_feature "$JAVA_HOME") && [ "$feature" -ge "$minimum" ]; then
		best=$JAVA_HOME
	else
		local candidates=()
		if command -v java >/dev/null 2>&1; then
			resolved=$(readlink -f "$(command -v java)" 2>/dev/null || true)
			[ -n "$resolved" ] && candidates+=("$(dirname "$(dirname "$resolved")")")
		fi
		for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/java/* \
			/Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* \
			"$HOME"/.jdks/*; do
			[ -d "$candidate" ] && candidates+=("$candidate")
		done
		for candidate in "${candidates[@]}"; do
			feature=$(murmur_jdk_feature "$candidate") || continue
			if [ "$feature" -ge "$minimum" ] && [ "$feature" -gt "$best_feature" ]; then
				best=$(readlink -f "$candidate")
				best_feature=$feature
			fi
		done
	fi
	if [ -z "$best" ]; then
		echo "No JDK $minimum or newer found (JAVA_HOME=${JAVA_HOME:-unset})." >&2
		echo "Install one, e.g. 'apt-get install openjdk-$minimum-jdk-headless' or a Temurin JDK 25, or set JAVA_HOME." >&2
		return 1
	fi
	export JAVA_HOME=$best
	export PATH="$JAVA_HOME/bin:$PATH"
	feature=$(murmur_jdk_feature "$JAVA_HOME")
	# Maven's bundled Guice uses sun.misc.Unsafe, which JDK 24+ warns about on every run.
	if [ "$feature" -ge 24 ] && [[ " ${MAVEN_OPTS:-} " != *" --sun-misc-unsafe-memory-access="* ]]; then
		export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
	fi
}
