package io.murmur.search.query;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Parses the post query language.
 * <ul>
 * <li>{@code word}: posts holding the word in any form ({@code running} finds
 * {@code runs}); several words must all be there.</li>
 * <li>{@code "a phrase"}: the words in this order, as written. Curly and other
 * typographic double quotes count as {@code "}.</li>
 * <li>{@code -term}: posts without it; any term may be excluded.</li>
 * <li>{@code a OR b}: either; {@code OR} binds the terms next to it, so
 * {@code cats dogs OR birds} is cats and (dogs or birds).</li>
 * <li>{@code #tag}, {@code @handle}: posts with the hashtag, posts mentioning the
 * user.</li>
 * <li>{@code from:handle}, {@code since:YYYY-MM-DD}, {@code until:YYYY-MM-DD} (both days
 * included, UTC), {@code has:media}, {@code is:reply}.</li>
 * </ul>
 * Anything else with a colon after letters is an unknown operator, except a URL
 * ({@code https://...}), which is a word; a lone punctuation mark is left out. Errors
 * name the position, counting characters of the query from 1.
 */
public final class QueryParser {

	/** The most terms a query may hold. */
	public static final int MAX_TERMS = 32;

	private static final Pattern OPERATOR = Pattern.compile("([A-Za-z]+):(.*)", Pattern.DOTALL);

	private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,30}");

	private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{N}_]{1,100}");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}+");

	private static final String OR = "OR";

	private QueryParser() {
	}

	/**
	 * Parses a query.
	 * @param query what the user typed
	 * @return the parsed query
	 * @throws QuerySyntaxException if it does not parse
	 */
	public static SearchQuery parse(String query) {
		String text = normalizeQuotes(query);
		List<Object> items = scan(text);
		List<List<SearchQuery.Term>> groups = new ArrayList<>();
		boolean joinNext = false;
		int terms = 0;
		for (int i = 0; i < items.size(); i++) {
			Object item = items.get(i);
			if (item instanceof OrMarker marker) {
				if (groups.isEmpty() || joinNext || i == items.size() - 1) {
					throw new QuerySyntaxException(marker.position(), "OR needs a term on each side");
				}
				joinNext = true;
				continue;
			}
			SearchQuery.Term term = (SearchQuery.Term) item;
			if (++terms > MAX_TERMS) {
				throw new QuerySyntaxException(term.position(), "a query holds at most " + MAX_TERMS + " terms");
			}
			if (joinNext) {
				groups.get(groups.size() - 1).add(term);
				joinNext = false;
			}
			else {
				groups.add(new ArrayList<>(List.of(term)));
			}
		}
		if (groups.isEmpty()) {
			throw new QuerySyntaxException(1, "the query is empty");
		}
		checkDates(groups);
		return new SearchQuery(groups);
	}

	/**
	 * Replaces typographic double quotes with {@code "} and typographic apostrophes with
	 * {@code '}, one character for one, so positions stay those of the query typed.
	 * @param query the query
	 * @return the query with plain quotes
	 */
	static String normalizeQuotes(String query) {
		StringBuilder plain = new StringBuilder(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			plain.append(switch (c) {
				case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\uFF02' -> '"';
				case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
				default -> c;
			});
		}
		return plain.toString();
	}

	private static List<Object> scan(String text) {
		List<Object> items = new ArrayList<>();
		int i = 0;
		int n = text.length();
		while (i < n) {
			if (Character.isWhitespace(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			boolean negated = false;
			if (text.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
				negated = true;
				i++;
			}
			if (text.charAt(i) == '"') {
				int close = text.indexOf('"', i + 1);
				if (close < 0) {
					throw new QuerySyntaxException(i + 1, "unbalanced quote: the quote opened here is never closed");
				}
				String phrase = text.substring(i + 1, close).strip();
				if (phrase.isEmpty()) {
					throw new QuerySyntaxException(i + 1, "empty phrase");
				}
				items.add(new SearchQuery.Term(SearchQuery.Kind.PHRASE, phrase, negated, start + 1));
				i = close + 1;
				continue;
			}
			int end = i;
			while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
				end++;
			}
			String token = text.substring(i, end);
			Object item = term(token, negated, start + 1, i + 1);
			if (item != null) {
				items.add(item);
			}
			i = end;
		}
		return items;
	}

	private static @Nullable Object term(String token, boolean negated, int position, int tokenPosition) {
		if (token.equals(OR) && !negated) {
			return new OrMarker(position);
		}
		if (token.startsWith("#")) {
			String tag = token.substring(1);
			if (!HASHTAG.matcher(tag).matches()) {
				throw new QuerySyntaxException(tokenPosition,
						"a hashtag is # and up to 100 letters, digits or underscores");
			}
			return new SearchQuery.Term(SearchQuery.Kind.HASHTAG, tag, negated, position);
		}
		if (token.startsWith("@")) {
			return new SearchQuery.Term(SearchQuery.Kind.MENTION, handle(token.substring(1), tokenPosition + 1),
					negated, position);
		}
		if (PUNCTUATION.matcher(token).matches()) {
			return null;
		}
		Matcher operator = OPERATOR.matcher(token);
		if (operator.matches() && !operator.group(2).startsWith("//")) {
			return operator(operator.group(1), operator.group(2), negated, position, tokenPosition);
		}
		return new SearchQuery.Term(SearchQuery.Kind.WORD, token, negated, position);
	}

	private static SearchQuery.Term operator(String name, String value, boolean negated, int position,
			int tokenPosition) {
		int valuePosition = tokenPosition + name.length() + 1;
		String operator = name.toLowerCase(Locale.ROOT);
		if (value.isEmpty()) {
			throw new QuerySyntaxException(valuePosition, operator + ": needs a value");
		}
		return switch (operator) {
			case "from" -> new SearchQuery.Term(SearchQuery.Kind.FROM,
					handle(value.startsWith("@") ? value.substring(1) : value, valuePosition), negated, position);
			case "since" -> new SearchQuery.Term(SearchQuery.Kind.SINCE, date(value, valuePosition), negated, position);
			case "until" -> new SearchQuery.Term(SearchQuery.Kind.UNTIL, date(value, valuePosition), negated, position);
			case "has" -> {
				if (!value.equalsIgnoreCase("media")) {
					throw new QuerySyntaxException(valuePosition, "has: takes media, not '" + value + "'");
				}
				yield new SearchQuery.Term(SearchQuery.Kind.HAS_MEDIA, "media", negated, position);
			}
			case "is" -> {
				if (!value.equalsIgnoreCase("reply")) {
					throw new QuerySyntaxException(valuePosition, "is: takes reply, not '" + value + "'");
				}
				yield new SearchQuery.Term(SearchQuery.Kind.IS_REPLY, "reply", negated, position);
			}
			default -> throw new QuerySyntaxException(tokenPosition,
					"unknown operator '" + name + ":'; the operators are from:, since:, until:, has: and is:");
		};
	}

	private static String handle(String handle, int position) {
		if (!HANDLE.matcher(handle).matches()) {
			throw new QuerySyntaxException(position, "a handle is 1 to 30 letters, digits or underscores");
		}
		return handle;
	}

	private static String date(String value, int position) {
		try {
			return LocalDate.parse(value, DATE).toString();
		}
		catch (DateTimeParseException ex) {
			throw new QuerySyntaxException(position, "'" + value + "' is no date: write YYYY-MM-DD");
		}
	}

	private static void checkDates(List<List<SearchQuery.Term>> groups) {
		LocalDate since = null;
		SearchQuery.Term until = null;
		for (List<SearchQuery.Term> group : groups) {
			if (group.size() != 1 || group.get(0).negated()) {
				continue;
			}
			SearchQuery.Term term = group.get(0);
			if (term.kind() == SearchQuery.Kind.SINCE) {
				since = LocalDate.parse(term.value());
			}
			else if (term.kind() == SearchQuery.Kind.UNTIL) {
				until = term;
			}
		}
		if (since != null && until != null && LocalDate.parse(until.value()).isBefore(since)) {
			throw new QuerySyntaxException(until.position(), "until: is before since:, so nothing can match");
		}
	}

	private record OrMarker(int position) {

	}

}
