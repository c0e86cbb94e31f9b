package io.murmur.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Who used the two cores over a stretch of a few seconds: the CPU time of each process
 * the run started (the stores, the services, the benchmark itself), by name, and of the
 * whole machine, from {@code /proc}. It tells whether a burst was held back by one
 * process or by the machine being full.
 */
public final class CpuMeter {

	/** What a process is called in the report, by a part of its command line. */
	private static final Map<String, String> NAMES = names();

	static final String MACHINE = "machine";

	static final String REDIS = "Redis";

	static final String STEAL = "steal";

	static final String REST = "everything else";

	private static final double TICKS_PER_SECOND = 100;

	private final Map<Long, String> processes;

	private CpuMeter(Map<Long, String> processes) {
		this.processes = processes;
	}

	/**
	 * A meter of this JVM and every process it started and that is running now.
	 * @return the meter
	 */
	public static CpuMeter ofThisRun() {
		Map<Long, String> processes = new LinkedHashMap<>();
		processes.put(ProcessHandle.current().pid(), "benchmark");
		ProcessHandle.current()
			.descendants()
			.forEach((process) -> processes.put(process.pid(), name(commandLine(process.pid()))));
		return new CpuMeter(processes);
	}

	/**
	 * The CPU time used so far.
	 * @return the reading
	 */
	public Reading read() {
		Map<Long, Long> ticks = new LinkedHashMap<>();
		this.processes.keySet().forEach((pid) -> ticks.put(pid, Machine.cpuTicks(pid)));
		long[] machine = machineTicks();
		return new Reading(System.nanoTime(), ticks, machine[0], machine[1]);
	}

	/**
	 * The cores each process kept busy on average between two readings: its CPU seconds
	 * over the stretch's seconds. Beside the processes, {@value #MACHINE} is the whole
	 * machine, {@value #REST} what the named processes do not account for, and
	 * {@value #STEAL} the time the hypervisor gave to others.
	 * @param from the first reading
	 * @param to the second
	 * @return busy cores by name, the machine first
	 */
	public Map<String, Double> coresBetween(Reading from, Reading to) {
		double seconds = (to.nanos() - from.nanos()) / 1e9;
		Map<String, Double> byName = new TreeMap<>();
		to.ticks().forEach((pid, ticks) -> {
			Long before = from.ticks().get(pid);
			if (ticks >= 0 && before != null && before >= 0) {
				byName.merge(this.processes.get(pid), (ticks - before) / TICKS_PER_SECOND / seconds, Double::sum);
			}
		});
		double machine = (to.machineBusy() - from.machineBusy()) / TICKS_PER_SECOND / seconds;
		double named = byName.values().stream().mapToDouble(Double::doubleValue).sum();
		Map<String, Double> cores = new LinkedHashMap<>();
		cores.put(MACHINE, round(machine));
		cores.put(STEAL, round((to.machineSteal() - from.machineSteal()) / TICKS_PER_SECOND / seconds));
		byName.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach((entry) -> cores.put(entry.getKey(), round(entry.getValue())));
		cores.put(REST, round(Math.max(0, machine - named)));
		return cores;
	}

	/**
	 * The CPU ticks of one process's threads so far, by thread name with its numbers
	 * taken out ({@code C2 CompilerThre}, {@code lettuce-epollEve}, ...): the kernel
	 * keeps the first 15 characters of a name.
	 * @param pid the process
	 * @return ticks by thread kind
	 */
	public static Map<String, Long> threadTicks(long pid) {
		Map<String, Long> ticks = new TreeMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			tasks.forEach((task) -> {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
						.replaceAll("[0-9]+", "#");
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended meanwhile
				}
			});
		}
		catch (IOException ex) {
			return ticks;
		}
		return ticks;
	}

	/**
	 * The cores each kind of thread kept busy between two readings of
	 * {@link #threadTicks}, the busiest first, leaving out those under 0.01.
	 * @param from the first reading
	 * @param to the second
	 * @param seconds the time between them
	 * @return busy cores by thread kind
	 */
	public static Map<String, Double> threadCores(Map<String, Long> from, Map<String, Long> to, double seconds) {
		Map<String, Double> cores = new LinkedHashMap<>();
		to.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(),
					(entry.getValue() - from.getOrDefault(entry.getKey(), 0L)) / TICKS_PER_SECOND / seconds))
			.filter((entry) -> entry.getValue() >= 0.01)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach((entry) -> cores.put(entry.getKey(), round(entry.getValue())));
		return cores;
	}

	/**
	 * The name of a process in the report: a service by its jar (its arguments name the
	 * services it calls), anything else by its command line.
	 * @param arguments its command line
	 * @return the name
	 */
	static String name(List<String> arguments) {
		int jar = arguments.indexOf("-jar");
		String named = (jar >= 0 && jar + 1 < arguments.size())
				? Path.of(arguments.get(jar + 1)).getFileName().toString() : String.join(" ", arguments);
		return NAMES.entrySet()
			.stream()
			.filter((entry) -> named.contains(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("other started by the run");
	}

	private static List<String> commandLine(long pid) {
		try {
			byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
			return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/**
	 * Busy and stolen time of all cores, from the first line of {@code /proc/stat}: user,
	 * nice, system, idle, iowait, irq, softirq, steal.
	 */
	private static long[] machineTicks() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = 0;
			for (int field : List.of(1, 2, 3, 6, 7)) {
				busy += Long.parseLong(fields[field]);
			}
			return new long[] { busy, Long.parseLong(fields[8]) };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private static Map<String, String> names() {
		Map<String, String> names = new LinkedHashMap<>();
		for (String service : List.of("user-service", "graph-service", "post-service", "feed-service",
				"gateway-service")) {
			names.put(service, service);
		}
		names.put("redis-server", REDIS);
		names.put("redis-benchmark", "redis-benchmark");
		names.put("kafka.Kafka", "Kafka");
		names.put("CassandraDaemon", "Cassandra");
		names.put("neo4j", "Neo4j");
		names.put("postgres", "PostgreSQL");
		names.put("nginx", "nginx");
		return names;
	}

	/**
	 * CPU time so far.
	 *
	 * @param nanos when it was read ({@link System#nanoTime()})
	 * @param ticks clock ticks by pid; -1 for a process gone
	 * @param machineBusy busy ticks of all cores
	 * @param machineSteal stolen ticks of all cores
	 */
	public record Reading(long nanos, Map<Long, Long> ticks, long machineBusy, long machineSteal) {

	}

}
