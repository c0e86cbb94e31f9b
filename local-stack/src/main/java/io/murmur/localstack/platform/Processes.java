package io.murmur.localstack.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.murmur.localstack.platform.PlatformState.ProcessRef;

/**
 * Finds, identifies and stops processes, and tells which of them listen on which TCP
 * ports. Listening sockets are read from {@code /proc} where there is one; elsewhere a
 * port counts as used when it accepts a connection.
 */
final class Processes {

	private static final Path PROC = Path.of("/proc");

	private static final Pattern ENDPOINT_PORT = Pattern.compile(":(\\d{1,5})(?:/.*)?$");

	private Processes() {
	}

	static ProcessRef ref(ProcessHandle handle) {
		return new ProcessRef(handle.pid(), handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
	}

	/**
	 * A process and all its descendants, as they are now.
	 * @param pid the root of the tree
	 * @return the processes, root first; empty if the root is gone
	 */
	static List<ProcessRef> tree(long pid) {
		Optional<ProcessHandle> root = ProcessHandle.of(pid);
		if (root.isEmpty()) {
			return List.of();
		}
		List<ProcessRef> tree = new ArrayList<>();
		tree.add(ref(root.get()));
		root.get().descendants().map(Processes::ref).forEach(tree::add);
		return tree;
	}

	/**
	 * The live process a reference names, if it still runs and is the same process.
	 * @param ref the reference
	 * @return the process handle
	 */
	static Optional<ProcessHandle> find(ProcessRef ref) {
		return ProcessHandle.of(ref.pid())
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> ref.startMillis() == 0 || ref(handle).startMillis() == 0
					|| ref(handle).startMillis() == ref.startMillis());
	}

	static boolean isAlive(ProcessRef ref) {
		return find(ref).isPresent();
	}

	/**
	 * Sends SIGTERM to the processes, waits, then SIGKILL to whatever still runs.
	 * @param handles the processes
	 * @param grace how long they may take to stop
	 * @return the processes that had to be killed
	 */
	static List<ProcessHandle> terminate(Collection<ProcessHandle> handles, Duration grace) {
		handles.forEach(ProcessHandle::destroy);
		awaitExit(handles, grace);
		List<ProcessHandle> killed = handles.stream().filter(ProcessHandle::isAlive).toList();
		killed.forEach(ProcessHandle::destroyForcibly);
		awaitExit(killed, Duration.ofSeconds(5));
		return killed;
	}

	/**
	 * Waits until none of the processes runs, or the timeout passes.
	 * @param handles the processes
	 * @param timeout how long to wait at most
	 * @return {@code true} if all are gone
	 */
	static boolean awaitExit(Collection<ProcessHandle> handles, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (handles.stream().anyMatch(ProcessHandle::isAlive)) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			sleep(Duration.ofMillis(100));
		}
		return true;
	}

	/**
	 * A short description of a process for messages.
	 * @param pid the pid
	 * @return its command line, shortened
	 */
	static String describe(long pid) {
		String command = ProcessHandle.of(pid)
			.flatMap((handle) -> handle.info().commandLine().or(() -> handle.info().command()))
			.orElse("?");
		return (command.length() > 100) ? command.substring(0, 97) + "..." : command;
	}

	/**
	 * Whether a process works below a directory: its working directory or its command
	 * line points there.
	 * @param pid the pid
	 * @param dir the directory
	 * @return {@code true} if it does
	 */
	static boolean worksBelow(long pid, Path dir) {
		try {
			Path cwd = Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("cwd"));
			if (cwd.startsWith(dir)) {
				return true;
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			// no /proc, or not ours to read: decide by the command line
		}
		return ProcessHandle.of(pid)
			.flatMap((handle) -> handle.info().commandLine())
			.map((command) -> command.contains(dir.toString()))
			.orElse(false);
	}

	/**
	 * The processes, other than this one, that work in a directory below the given one
	 * and name it on their command line: what a store or service launched there looks
	 * like, and what a shell that merely sits there does not.
	 * @param dir the directory
	 * @return the processes
	 */
	static List<ProcessHandle> launchedBelow(Path dir) {
		List<ProcessHandle> found = new ArrayList<>();
		long self = ProcessHandle.current().pid();
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
			for (Path process : processes) {
				long pid = Long.parseLong(process.getFileName().toString());
				try {
					if (pid != self && Files.readSymbolicLink(process.resolve("cwd")).startsWith(dir)) {
						ProcessHandle.of(pid)
							.filter((handle) -> handle.info()
								.commandLine()
								.map((command) -> command.contains(dir.toString()))
								.orElse(false))
							.ifPresent(found::add);
					}
				}
				catch (IOException ex) {
					// gone, or not ours to read
				}
			}
		}
		catch (IOException ex) {
			// no /proc: nothing to find this way
		}
		return found;
	}

	/**
	 * The TCP ports the given processes listen on.
	 * @param pids the processes
	 * @return the ports, ascending; empty where {@code /proc} is not available
	 */
	static List<Integer> listeningPorts(Collection<Long> pids) {
		Map<Long, Integer> portsByInode = listeningSockets();
		Set<Integer> ports = new TreeSet<>();
		for (long pid : pids) {
			for (long inode : socketInodes(pid)) {
				Integer port = portsByInode.get(inode);
				if (port != null) {
					ports.add(port);
				}
			}
		}
		return List.copyOf(ports);
	}

	/**
	 * Whether anything listens on a local TCP port.
	 * @param port the port
	 * @return {@code true} if something does
	 */
	static boolean isListening(int port) {
		if (Files.isReadable(PROC.resolve("net/tcp"))) {
			return listeningSockets().containsValue(port);
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The processes that listen on a local TCP port, as far as this user may see them.
	 * @param port the port
	 * @return the pids
	 */
	static Set<Long> listenersOn(int port) {
		Set<Long> inodes = new HashSet<>();
		listeningSockets().forEach((inode, listening) -> {
			if (listening == port) {
				inodes.add(inode);
			}
		});
		Set<Long> owners = new TreeSet<>();
		if (inodes.isEmpty()) {
			return owners;
		}
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
			for (Path process : processes) {
				long pid = Long.parseLong(process.getFileName().toString());
				if (socketInodes(pid).stream().anyMatch(inodes::contains)) {
					owners.add(pid);
				}
			}
		}
		catch (IOException ex) {
			// the owners stay unknown
		}
		return owners;
	}

	/**
	 * The port in an endpoint such as {@code redis://127.0.0.1:6379} or
	 * {@code 127.0.0.1:9092}.
	 * @param endpoint the endpoint
	 * @return the port
	 */
	static Optional<Integer> portOf(String endpoint) {
		Matcher matcher = ENDPOINT_PORT.matcher(endpoint);
		return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
	}

	private static Map<Long, Integer> listeningSockets() {
		Map<Long, Integer> portsByInode = new HashMap<>();
		for (String table : List.of("net/tcp", "net/tcp6")) {
			List<String> lines;
			try {
				lines = Files.readAllLines(PROC.resolve(table));
			}
			catch (IOException ex) {
				continue;
			}
			for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length > 9 && fields[3].equals("0A")) {
					String local = fields[1];
					int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
					portsByInode.put(Long.parseLong(fields[9]), port);
				}
			}
		}
		return portsByInode;
	}

	private static Set<Long> socketInodes(long pid) {
		Set<Long> inodes = new HashSet<>();
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("fd"))) {
			for (Path fd : fds) {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
					}
				}
				catch (IOException ex) {
					// closed meanwhile
				}
			}
		}
		catch (IOException ex) {
			// gone, or not ours to read
		}
		return inodes;
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
