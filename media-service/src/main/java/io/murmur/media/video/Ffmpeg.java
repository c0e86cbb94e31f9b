package io.murmur.media.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bytedeco.javacpp.Loader;
import org.jspecify.annotations.Nullable;

/**
 * FFmpeg's {@code ffmpeg} and {@code ffprobe} programs, as JavaCPP ships them inside the
 * {@code org.bytedeco:ffmpeg} jar for linux-x86_64, run as child processes: a crash or a
 * hang in a decoder then takes down one process, not the service, and a process that
 * outlives its deadline is killed with everything it started. JavaCPP extracts the
 * programs and their libraries on first use into its cache directory, which is placed
 * under the work directory unless {@code org.bytedeco.javacpp.cachedir} is set: the
 * service's image has a read-only root file system with only the temporary directory
 * writable.
 */
class Ffmpeg {

	private static final Log log = LogFactory.getLog(Ffmpeg.class);

	static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";

	private final Path workDirectory;

	private volatile @Nullable Path ffmpeg;

	private volatile @Nullable Path ffprobe;

	Ffmpeg(Path workDirectory) {
		this.workDirectory = workDirectory;
		if (System.getProperty(CACHE_DIR_PROPERTY) == null) {
			System.setProperty(CACHE_DIR_PROPERTY, workDirectory.resolve("murmur-javacpp").toString());
		}
	}

	/**
	 * Runs {@code ffmpeg}.
	 * @param directory the directory it runs in, where its output is kept
	 * @param deadline when it must have finished, in {@link System#nanoTime()}
	 * @param arguments its arguments
	 * @return what it wrote to its standard output
	 * @throws FfmpegFailedException when it exits with an error
	 * @throws VideoTimeoutException when it runs past the deadline (it is killed)
	 */
	String ffmpeg(Path directory, long deadline, List<String> arguments) {
		return run(ffmpegPath(), directory, deadline, arguments);
	}

	/**
	 * Runs {@code ffprobe}.
	 * @param directory the directory it runs in
	 * @param deadline when it must have finished, in {@link System#nanoTime()}
	 * @param arguments its arguments
	 * @return what it wrote to its standard output
	 * @throws FfmpegFailedException when it exits with an error
	 * @throws VideoTimeoutException when it runs past the deadline (it is killed)
	 */
	String ffprobe(Path directory, long deadline, List<String> arguments) {
		return run(ffprobePath(), directory, deadline, arguments);
	}

	Path workDirectory() {
		return this.workDirectory;
	}

	Path ffmpegPath() {
		Path path = this.ffmpeg;
		if (path == null) {
			path = extract(org.bytedeco.ffmpeg.ffmpeg.class);
			this.ffmpeg = path;
		}
		return path;
	}

	private Path ffprobePath() {
		Path path = this.ffprobe;
		if (path == null) {
			path = extract(org.bytedeco.ffmpeg.ffprobe.class);
			this.ffprobe = path;
		}
		return path;
	}

	private static synchronized Path extract(Class<?> program) {
		String path;
		try {
			path = Loader.load(program);
		}
		catch (UnsatisfiedLinkError ex) {
			throw new IllegalStateException("FFmpeg's libraries cannot be loaded on this machine", ex);
		}
		if (path == null) {
			throw new IllegalStateException("FFmpeg's " + program.getSimpleName() + " could not be extracted to "
					+ System.getProperty(CACHE_DIR_PROPERTY));
		}
		return Path.of(path);
	}

	private static String run(Path program, Path directory, long deadline, List<String> arguments) {
		List<String> command = new ArrayList<>(arguments.size() + 1);
		command.add(program.toString());
		command.addAll(arguments);
		String name = program.getFileName().toString();
		Path out = directory.resolve(name + "-" + System.nanoTime() + ".out");
		Path err = directory.resolve(name + "-" + System.nanoTime() + ".err");
		Process process;
		try {
			process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			throw new IllegalStateException(name + " cannot be started", ex);
		}
		try {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0 || !process.waitFor(remaining, TimeUnit.NANOSECONDS)) {
				kill(process);
				throw new VideoTimeoutException(name + " ran past its deadline and was killed");
			}
		}
		catch (InterruptedException ex) {
			kill(process);
			Thread.currentThread().interrupt();
			throw new IllegalStateException(name + " was interrupted", ex);
		}
		try {
			String errors = Files.readString(err, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				if (errors.contains("error while loading shared libraries")) {
					throw new IllegalStateException(name + " cannot run here: " + errors.strip());
				}
				throw new FfmpegFailedException(name, process.exitValue(), lastLine(errors, directory));
			}
			return Files.readString(out, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deleteQuietly(out);
			deleteQuietly(err);
		}
	}

	private static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				log.warn("Process " + process.pid() + " did not end when killed");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The last thing a program complained about, without the paths of the work directory,
	 * short enough to show a user.
	 */
	private static String lastLine(String errors, Path directory) {
		List<String> lines = errors.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		if (lines.isEmpty()) {
			return "no reason given";
		}
		String line = lines.getLast().replace(directory.toString() + "/", "").replace(directory.toString(), "");
		return (line.length() > 200) ? line.substring(0, 200) + "..." : line;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.debug("Could not delete " + file + ": " + ex);
		}
	}

	/**
	 * A program that exited with an error: for {@code ffprobe} on an upload, or
	 * {@code ffmpeg} decoding it, the upload is damaged or not a video.
	 */
	static class FfmpegFailedException extends RuntimeException {

		private final String reason;

		FfmpegFailedException(String program, int exitCode, String reason) {
			super(program + " exited with " + exitCode + ": " + reason);
			this.reason = reason;
		}

		String reason() {
			return this.reason;
		}

	}

}
