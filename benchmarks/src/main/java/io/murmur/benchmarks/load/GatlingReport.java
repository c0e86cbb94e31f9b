package io.murmur.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the figures of one request name from a Gatling report. Gatling 3.16 keeps them
 * only in its HTML pages (its {@code simulation.log} is binary and private), so this
 * reads the statistics table of the page {@code req_<name>-<hash>.html}: rows of {@code
 *
<td class="title">…</td>
 *
<td class="total">…</td>
 *
<td class="ok">…</td>}. Gatling's version is pinned in the root pom; its tests hold a
 * sample page.
 */
final class GatlingReport {

	private static final Pattern ROW = Pattern.compile("<td class=\"title\">([^<]+)(?:</abbr>)?</td>\\s*"
			+ "<td class=\"total\">([^<]*)</td>\\s*<td class=\"ok\">([^<]*)</td>\\s*<td class=\"ko\">([^<]*)</td>");

	private GatlingReport() {
	}

	/**
	 * Finds the page of a request name in a report directory and reads it.
	 * @param reportDir the directory Gatling wrote the report to
	 * @param requestName the request name
	 * @return the figures
	 */
	static LatencySample read(Path reportDir, String requestName) {
		try (Stream<Path> files = Files.list(reportDir)) {
			Path page = files.filter((file) -> file.getFileName().toString().startsWith("req_" + requestName + "-"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"Gatling wrote no page for request '" + requestName + "' in " + reportDir));
			return parse(Files.readString(page));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads the statistics table of a request page.
	 * @param html the page
	 * @return the figures
	 */
	static LatencySample parse(String html) {
		Map<String, String[]> rows = new HashMap<>();
		Matcher matcher = ROW.matcher(html);
		while (matcher.find()) {
			rows.putIfAbsent(matcher.group(1).strip(),
					new String[] { matcher.group(2), matcher.group(3), matcher.group(4) });
		}
		String[] count = row(rows, "Total count");
		return new LatencySample(number(count[0]).longValue(), number(count[2]).longValue(),
				number(row(rows, "Mean count/s")[0]).doubleValue(), ok(rows, "50th percentile"),
				ok(rows, "75th percentile"), ok(rows, "95th percentile"), ok(rows, "99th percentile"), ok(rows, "Max"));
	}

	private static double ok(Map<String, String[]> rows, String title) {
		return number(row(rows, title)[1]).doubleValue();
	}

	private static String[] row(Map<String, String[]> rows, String title) {
		String[] row = rows.get(title);
		if (row == null) {
			throw new IllegalStateException("No '" + title + "' row in the Gatling report");
		}
		return row;
	}

	private static Number number(String text) {
		String value = text.strip().replace(",", "");
		if (value.isEmpty() || value.equals("-")) {
			return 0;
		}
		return Double.parseDouble(value);
	}

}
