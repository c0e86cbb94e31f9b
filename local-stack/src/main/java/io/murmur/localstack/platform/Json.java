package io.murmur.localstack.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Just enough JSON for the state file: objects, arrays, strings, numbers, booleans and
 * null. local-stack keeps its runtime classpath free of a JSON library the stores'
 * clients do not already need.
 */
final class Json {

	private final String text;

	private int position;

	private Json(String text) {
		this.text = text;
	}

	static String write(@Nullable Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, "");
		return out.append('\n').toString();
	}

	static @Nullable Object parse(String text) {
		Json parser = new Json(text);
		Object value = parser.readValue();
		parser.skipWhitespace();
		if (parser.position != text.length()) {
			throw parser.error("Unexpected trailing content");
		}
		return value;
	}

	private static void write(@Nullable Object value, StringBuilder out, String indent) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String string) {
			writeString(string, out);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			writeObject(map, out, indent);
		}
		else if (value instanceof List<?> list) {
			writeArray(list, out, indent);
		}
		else {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON");
		}
	}

	private static void writeObject(Map<?, ?> map, StringBuilder out, String indent) {
		if (map.isEmpty()) {
			out.append("{}");
			return;
		}
		String inner = indent + "  ";
		out.append("{\n");
		int index = 0;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			out.append(inner);
			writeString(String.valueOf(entry.getKey()), out);
			out.append(": ");
			write(entry.getValue(), out, inner);
			out.append((++index < map.size()) ? ",\n" : "\n");
		}
		out.append(indent).append('}');
	}

	private static void writeArray(List<?> list, StringBuilder out, String indent) {
		if (list.isEmpty()) {
			out.append("[]");
			return;
		}
		boolean simple = list.stream().noneMatch((item) -> item instanceof Map || item instanceof List);
		if (simple) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				write(list.get(i), out, indent);
				out.append((i + 1 < list.size()) ? ", " : "");
			}
			out.append(']');
			return;
		}
		String inner = indent + "  ";
		out.append("[\n");
		for (int i = 0; i < list.size(); i++) {
			out.append(inner);
			write(list.get(i), out, inner);
			out.append((i + 1 < list.size()) ? ",\n" : "\n");
		}
		out.append(indent).append(']');
	}

	private static void writeString(String value, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	private @Nullable Object readValue() {
		skipWhitespace();
		if (this.position >= this.text.length()) {
			throw error("Unexpected end");
		}
		char c = this.text.charAt(this.position);
		return switch (c) {
			case '{' -> readObject();
			case '[' -> readArray();
			case '"' -> readString();
			case 't' -> readLiteral("true", Boolean.TRUE);
			case 'f' -> readLiteral("false", Boolean.FALSE);
			case 'n' -> readLiteral("null", null);
			default -> readNumber();
		};
	}

	private Map<String, @Nullable Object> readObject() {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		this.position++;
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return map;
		}
		while (true) {
			skipWhitespace();
			String key = readString();
			skipWhitespace();
			expect(':');
			map.put(key, readValue());
			skipWhitespace();
			if (peek() == ',') {
				this.position++;
			}
			else {
				expect('}');
				return map;
			}
		}
	}

	private List<@Nullable Object> readArray() {
		List<@Nullable Object> list = new ArrayList<>();
		this.position++;
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			return list;
		}
		while (true) {
			list.add(readValue());
			skipWhitespace();
			if (peek() == ',') {
				this.position++;
			}
			else {
				expect(']');
				return list;
			}
		}
	}

	private String readString() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			if (this.position >= this.text.length()) {
				throw error("Unterminated string");
			}
			char c = this.text.charAt(this.position++);
			if (c == '"') {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char escaped = this.text.charAt(this.position++);
			switch (escaped) {
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'u' -> {
					out.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
					this.position += 4;
				}
				default -> out.append(escaped);
			}
		}
	}

	private @Nullable Object readLiteral(String literal, @Nullable Object value) {
		if (!this.text.startsWith(literal, this.position)) {
			throw error("Expected " + literal);
		}
		this.position += literal.length();
		return value;
	}

	private Number readNumber() {
		int start = this.position;
		while (this.position < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
		String number = this.text.substring(start, this.position);
		if (number.isEmpty()) {
			throw error("Unexpected character");
		}
		if (number.contains(".") || number.contains("e") || number.contains("E")) {
			return Double.parseDouble(number);
		}
		return Long.parseLong(number);
	}

	private char peek() {
		if (this.position >= this.text.length()) {
			throw error("Unexpected end");
		}
		return this.text.charAt(this.position);
	}

	private void expect(char c) {
		if (peek() != c) {
			throw error("Expected '" + c + "'");
		}
		this.position++;
	}

	private void skipWhitespace() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException(message + " at offset " + this.position);
	}

}
