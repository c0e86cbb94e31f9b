package io.murmur.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The machine a run measured on, and what else ran on it: figures from a shared machine
 * mean little without the load beside them.
 *
 * @param cores the processors the JVM sees
 * @param memoryTotalMb total memory
 * @param memoryAvailableMb memory available at the end of the run
 * @param loadAverageAtStart the 1, 5 and 15 minute load averages when the run started
 * @param loadAverageAtEnd the same when it ended
 * @param jdk the JDK that ran the benchmark and the services
 * @param os the operating system
 * @param busiestProcesses the processes that used the most CPU during the run, the
 * benchmark's own included
 */
public record Machine(int cores, long memoryTotalMb, long memoryAvailableMb, String loadAverageAtStart,
		String loadAverageAtEnd, String jdk, String os, List<ProcessUsage> busiestProcesses) {

	/**
	 * CPU time one process used during the run.
	 *
	 * @param pid the process id
	 * @param cpuSeconds user plus system CPU seconds during the run
	 * @param command its command line, shortened
	 */
	public record ProcessUsage(long pid, double cpuSeconds, String command) {

	}

	/**
	 * CPU time used so far by every process, to compare against at the end.
	 *
	 * @param ticks clock ticks by pid
	 * @param loadAverage the load averages when the snapshot was taken
	 */
	public record Snapshot(Map<Long, Long> ticks, String loadAverage) {

		/**
		 * Takes a snapshot now.
		 * @return the snapshot
		 */
		public static Snapshot now() {
			Map<Long, Long> ticks = new HashMap<>();
			for (long pid : pids()) {
				long used = cpuTicks(pid);
				if (used >= 0) {
					ticks.put(pid, used);
				}
			}
			return new Snapshot(ticks, readLoadAverage());
		}

	}

	private static final double TICKS_PER_SECOND = 100;

	private static final int BUSIEST = 12;

	/**
	 * Describes the machine at the end of a run that started at {@code start}.
	 * @param start the snapshot taken when the run started
	 * @return the description
	 */
	public static Machine describe(Snapshot start) {
		Map<String, Long> memory = memory();
		List<ProcessUsage> busiest = pids().stream()
			.map((pid) -> new ProcessUsage(pid,
					Math.max(0, cpuTicks(pid) - start.ticks().getOrDefault(pid, 0L)) / TICKS_PER_SECOND, command(pid)))
			.filter((usage) -> usage.cpuSeconds() > 0)
			.sorted(Comparator.comparingDouble(ProcessUsage::cpuSeconds).reversed())
			.limit(BUSIEST)
			.toList();
		return new Machine(Runtime.getRuntime().availableProcessors(), memory.getOrDefault("MemTotal", 0L) / 1024,
				memory.getOrDefault("MemAvailable", 0L) / 1024, start.loadAverage(), readLoadAverage(),
				System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
						+ System.getProperty("os.arch"),
				busiest);
	}

	private static List<Long> pids() {
		try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
			return entries.map((entry) -> entry.getFileName().toString())
				.filter((name) -> name.chars().allMatch(Character::isDigit))
				.map(Long::valueOf)
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	static long cpuTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static String command(long pid) {
		try {
			byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
			String command = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
			if (command.isEmpty()) {
				return "[" + Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip() + "]";
			}
			String shortened = command.replaceAll("-cp \\S+|-classpath \\S+", "-cp …");
			return (shortened.length() > 160) ? shortened.substring(0, 159) + "…" : shortened;
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static String readLoadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static Map<String, Long> memory() {
		Map<String, Long> memory = new HashMap<>();
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				String[] fields = line.split("[:\\s]+");
				if (fields.length >= 2) {
					memory.put(fields[0], Long.parseLong(fields[1]));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return memory;
		}
		return memory;
	}

}
