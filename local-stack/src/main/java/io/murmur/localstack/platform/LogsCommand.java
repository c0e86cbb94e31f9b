package io.murmur.localstack.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.murmur.localstack.platform.PlatformState.Component;

/**
 * {@code ./platform logs NAME [-f]}: prints, or follows, the log of a store, a service or
 * the daemon. Logs stay after {@code down}, until the next {@code up} but one.
 */
final class LogsCommand {

	static final String DAEMON = "daemon";

	private static final Duration FOLLOW_POLL = Duration.ofMillis(250);

	private final PlatformHome home;

	private final PrintStream out;

	LogsCommand(PlatformHome home, PrintStream out) {
		this.home = home;
		this.out = out;
	}

	int run(String name, boolean follow) {
		Optional<Path> log = find(name);
		if (log.isEmpty()) {
			this.out.println("No log for '" + name + "'. Known: " + String.join(", ", known()));
			return 2;
		}
		try {
			long position = copy(log.get(), 0);
			while (follow) {
				Processes.sleep(FOLLOW_POLL);
				long size = Files.exists(log.get()) ? Files.size(log.get()) : 0;
				position = copy(log.get(), (size < position) ? 0 : position);
			}
			return 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + log.get(), ex);
		}
	}

	private Optional<Path> find(String name) {
		if (name.equals(DAEMON)) {
			return Optional.of(this.home.daemonLog()).filter(Files::exists);
		}
		Optional<Path> fromState = this.home.readState()
			.flatMap((state) -> state.component(name))
			.map((component) -> Path.of(component.log()));
		if (fromState.isPresent()) {
			return fromState;
		}
		return Optional.of(this.home.runDir().resolve(name).resolve(name + ".log")).filter(Files::exists);
	}

	private List<String> known() {
		TreeSet<String> names = new TreeSet<>();
		this.home.readState()
			.ifPresent((state) -> state.components().stream().map(Component::name).forEach(names::add));
		if (Files.isDirectory(this.home.runDir())) {
			try (Stream<Path> dirs = Files.list(this.home.runDir())) {
				dirs.filter((dir) -> Files.exists(dir.resolve(dir.getFileName() + ".log")))
					.forEach((dir) -> names.add(dir.getFileName().toString()));
			}
			catch (IOException ex) {
				// nothing more to offer
			}
		}
		List<String> known = new ArrayList<>(names);
		known.add(DAEMON);
		return known;
	}

	private long copy(Path log, long from) throws IOException {
		if (!Files.exists(log)) {
			return 0;
		}
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			file.seek(from);
			byte[] buffer = new byte[64 * 1024];
			long position = from;
			int read;
			while ((read = file.read(buffer)) > 0) {
				this.out.write(buffer, 0, read);
				position += read;
			}
			this.out.flush();
			return position;
		}
	}

	/**
	 * The last lines of a log, decoded leniently.
	 * @param log the log file
	 * @param lines how many lines
	 * @return the lines
	 */
	static List<String> tail(Path log, int lines) {
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long start = Math.max(0, file.length() - 256 * 1024);
			byte[] bytes = new byte[(int) (file.length() - start)];
			file.seek(start);
			file.readFully(bytes);
			List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
			return all.subList(Math.max(0, all.size() - lines), all.size());
		}
		catch (IOException ex) {
			return List.of("(cannot read " + log + ": " + ex.getMessage() + ")");
		}
	}

}
