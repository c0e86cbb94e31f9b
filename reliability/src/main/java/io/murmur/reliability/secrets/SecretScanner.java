package io.murmur.reliability.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds private keys and secrets in text: PEM private key blocks with a body (code that
 * writes a generated key has the header only), cloud access keys, and assignments of
 * long, high-entropy values to names like {@code secret}, {@code password} or
 * {@code token}. Placeholders ({@code ${...}}) and low-entropy values pass.
 */
public final class SecretScanner {

	private static final Pattern PEM = Pattern.compile(
			"-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----\\s*(?:\\\\n|\\r?\\n)"
					+ "((?:[A-Za-z0-9+/=]{40,}(?:\\\\n|\\r?\\n)){3,})");

	private static final Pattern CLOUD_KEY = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");

	private static final Pattern ASSIGNMENT = Pattern
		.compile("(?i)([a-z0-9_.-]*(?:secret|password|passwd|token|api[_-]?key|private[_-]?key|credential)[a-z0-9_.-]*)"
				+ "[\"']?\\s*[:=]\\s*[\"']([A-Za-z0-9+/=_\\-]{24,})[\"']");

	private SecretScanner() {
	}

	/**
	 * The findings in one text.
	 * @param file the file's path, for the findings
	 * @param text its content
	 * @return the findings
	 */
	public static List<Finding> scan(String file, String text) {
		List<Finding> findings = new ArrayList<>();
		Matcher pem = PEM.matcher(text);
		while (pem.find()) {
			findings.add(new Finding(file, line(text, pem.start()), "PEM " + pem.group(1)));
		}
		Matcher cloud = CLOUD_KEY.matcher(text);
		while (cloud.find()) {
			findings.add(new Finding(file, line(text, cloud.start()), "cloud access key id"));
		}
		Matcher assignment = ASSIGNMENT.matcher(text);
		while (assignment.find()) {
			String value = assignment.group(2);
			if (entropy(value) >= 4.0) {
				findings.add(new Finding(file, line(text, assignment.start()),
						"high-entropy value of " + assignment.group(1)));
			}
		}
		return findings;
	}

	/**
	 * The findings in files, except those allowed.
	 * @param root the directory the paths are relative to
	 * @param files the files, relative to the root
	 * @param allowed the allowed findings, as {@code path: kind}
	 * @return the findings that are not allowed
	 */
	public static List<Finding> scan(Path root, List<String> files, Set<String> allowed) {
		List<Finding> findings = new ArrayList<>();
		for (String file : files) {
			Path path = root.resolve(file);
			try {
				if (!Files.isRegularFile(path) || Files.size(path) > 2_000_000) {
					continue;
				}
				byte[] bytes = Files.readAllBytes(path);
				if (isBinary(bytes)) {
					continue;
				}
				for (Finding finding : scan(file, new String(bytes, StandardCharsets.UTF_8))) {
					if (!allowed.contains(finding.file() + ": " + finding.kind())) {
						findings.add(finding);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return findings;
	}

	/**
	 * The Shannon entropy of a text, in bits per character: about 3 for words, 4 or more
	 * for random keys.
	 * @param text the text
	 * @return the entropy
	 */
	static double entropy(String text) {
		Map<Character, Integer> counts = new HashMap<>();
		for (char c : text.toCharArray()) {
			counts.merge(c, 1, Integer::sum);
		}
		double entropy = 0;
		for (int count : counts.values()) {
			double p = (double) count / text.length();
			entropy -= p * (Math.log(p) / Math.log(2));
		}
		return entropy;
	}

	private static boolean isBinary(byte[] bytes) {
		for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
			if (bytes[i] == 0) {
				return true;
			}
		}
		return false;
	}

	private static int line(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/**
	 * A secret found in a file.
	 *
	 * @param file the file
	 * @param line the line
	 * @param kind what was found
	 */
	public record Finding(String file, int line, String kind) {

		@Override
		public String toString() {
			return this.file + ":" + this.line + " " + this.kind;
		}

	}

}
