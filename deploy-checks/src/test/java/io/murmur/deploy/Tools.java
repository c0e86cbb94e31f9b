package io.murmur.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The command-line validators the checks run, fetched the way local-stack fetches its
 * stores: Debian's packages downloaded with {@code apt-get download} and unpacked with
 * {@code dpkg-deb -x} into a cache of their own, so that neither root nor an install is
 * needed. Debian's {@code prometheus} package holds {@code promtool};
 * {@code docker-compose} 1.29 is the Python one, which validates a compose file without a
 * Docker engine.
 */
final class Tools {

	private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "murmur", "deploy-tools");

	private static final String HOW_TO_INSTALL = "; on Debian or Ubuntu run `apt-get update` and build again, or install"
			+ " the packages prometheus and docker-compose (--no-install-recommends)";

	private Tools() {
	}

	/**
	 * The result of a command.
	 *
	 * @param exitCode its exit code
	 * @param output what it printed, standard output and error together
	 */
	record Result(int exitCode, String output) {
	}

	static Result promtool(String... arguments) {
		Path root = unpacked("prometheus", List.of("prometheus"));
		List<String> command = new ArrayList<>(List.of(root.resolve("usr/bin/promtool").toString()));
		command.addAll(List.of(arguments));
		return run(command, Map.of());
	}

	static Result dockerCompose(String... arguments) {
		Path root = unpacked("docker-compose", dependenciesOf("docker-compose"));
		List<String> command = new ArrayList<>(
				List.of("/usr/bin/python3", root.resolve("usr/bin/docker-compose").toString()));
		command.addAll(List.of(arguments));
		return run(command, Map.of("PYTHONPATH", root.resolve("usr/lib/python3/dist-packages").toString()));
	}

	static Result run(List<String> command, Map<String, String> environment) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.directory(Repository.ROOT.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + command);
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command.get(0) + HOW_TO_INSTALL, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The packages {@code apt-get} would install for the given one, without its
	 * recommendations: what the machine lacks for it to run.
	 */
	private static List<String> dependenciesOf(String pkg) {
		Result simulated = run(List.of("apt-get", "install", "-s", "--no-install-recommends", pkg), Map.of());
		List<String> packages = simulated.output()
			.lines()
			.filter((line) -> line.startsWith("Inst "))
			.map((line) -> line.split(" ")[1])
			.toList();
		return packages.isEmpty() ? List.of(pkg) : packages;
	}

	private static synchronized Path unpacked(String name, List<String> packages) {
		String version = candidateVersion(name);
		Path root = CACHE.resolve(name + "-" + version.replaceAll("[^A-Za-z0-9.+-]", "_"));
		Path done = root.resolve(".unpacked");
		if (Files.exists(done)) {
			return root;
		}
		try {
			Path debs = Files.createDirectories(root.resolve("debs"));
			List<String> download = new ArrayList<>(List.of("apt-get", "download"));
			download.addAll(packages);
			Result downloaded = runIn(download, debs);
			if (downloaded.exitCode() != 0) {
				throw new IllegalStateException(
						"apt-get download " + packages + " failed:\n" + downloaded.output() + HOW_TO_INSTALL);
			}
			try (Stream<Path> files = Files.list(debs)) {
				for (Path deb : files.filter((file) -> file.toString().endsWith(".deb")).toList()) {
					Result unpack = runIn(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), root);
					if (unpack.exitCode() != 0) {
						throw new IllegalStateException("dpkg-deb -x " + deb + " failed:\n" + unpack.output());
					}
				}
			}
			Files.writeString(done, String.join("\n", packages));
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String candidateVersion(String pkg) {
		Result policy = run(List.of("apt-cache", "policy", pkg), Map.of());
		return policy.output()
			.lines()
			.map(String::trim)
			.filter((line) -> line.startsWith("Candidate:"))
			.map((line) -> line.substring("Candidate:".length()).trim())
			.filter((candidate) -> !candidate.equals("(none)"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("apt knows no package " + pkg + HOW_TO_INSTALL));
	}

	private static Result runIn(List<String> command, Path directory) throws IOException {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.directory(directory.toFile())
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return new Result(process.waitFor(), output);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
