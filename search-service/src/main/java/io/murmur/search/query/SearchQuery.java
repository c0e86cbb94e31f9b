package io.murmur.search.query;

import java.util.List;

/**
 * A parsed post query: every group must match, and a group matches when any of its terms
 * does ({@code a b OR c} is {@code a AND (b OR c)}).
 *
 * @param groups the groups, at least one
 */
public record SearchQuery(List<List<Term>> groups) {

	public SearchQuery {
		groups = groups.stream().map(List::copyOf).toList();
	}

	/**
	 * One term of a query.
	 *
	 * @param kind what it is
	 * @param value the word, the phrase, the hashtag or handle without its sign, or the
	 * operator's value ({@code YYYY-MM-DD} for dates)
	 * @param negated whether it is excluded ({@code -term})
	 * @param position where it starts in the query, counting characters from 1
	 */
	public record Term(Kind kind, String value, boolean negated, int position) {

	}

	/**
	 * The kinds of term.
	 */
	public enum Kind {

		/** A word, matched in any form (stemmed). */
		WORD,

		/** A quoted phrase, matched as written, in order. */
		PHRASE,

		/** {@code #tag}. */
		HASHTAG,

		/** {@code @handle}: posts mentioning that user. */
		MENTION,

		/** {@code from:handle}: posts by that user. */
		FROM,

		/** {@code since:YYYY-MM-DD}: posted on or after that day (UTC). */
		SINCE,

		/** {@code until:YYYY-MM-DD}: posted on or before that day (UTC). */
		UNTIL,

		/** {@code has:media}. */
		HAS_MEDIA,

		/** {@code is:reply}. */
		IS_REPLY

	}

}
