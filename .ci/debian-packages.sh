# Installs Debian packages that are missing, with sudo unless root. Sourced by ./platform
# and .ci/run:  . .ci/debian-packages.sh && murmur_install_packages chromium ...

# The shared libraries that the FFmpeg shipped in org.bytedeco:ffmpeg loads, which
# media-service runs for video: VA-API, XCB, ALSA, PulseAudio and udev.
MURMUR_FFMPEG_PACKAGES=(libva2 libva-drm2 libxcb1 libxcb-shm0 libasound2 libpulse0 libudev1)

# Installs those of the named packages that are not installed yet.
murmur_install_packages() {
	local missing=() package
	for package in "$@"; do
		dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	local sudo=()
	[ "$(id -u)" -ne 0 ] && sudo=(sudo)
	echo "Installing ${missing[*]} (Debian packages)..."
	"${sudo[@]}" apt-get update -q >/dev/null
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}
