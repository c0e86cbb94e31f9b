package io.murmur.search.query;

import java.util.Collections;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.murmur.search.query.SearchQuery.Kind;
import io.murmur.search.query.SearchQuery.Term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryParserTests {

	@Nested
	class Terms {

		@Test
		void shouldParseEveryKindOfTerm() {
			SearchQuery query = QueryParser.parse(
					"coffee \"flat white\" -decaf #Morning @ana_b from:@Bob since:2026-01-01 until:2026-12-31 has:media is:reply");
			assertThat(query.groups()).extracting((group) -> group.get(0).kind())
				.containsExactly(Kind.WORD, Kind.PHRASE, Kind.WORD, Kind.HASHTAG, Kind.MENTION, Kind.FROM, Kind.SINCE,
						Kind.UNTIL, Kind.HAS_MEDIA, Kind.IS_REPLY);
			assertThat(query.groups().get(2).get(0)).isEqualTo(new Term(Kind.WORD, "decaf", true, 21));
			assertThat(query.groups().get(3).get(0).value()).isEqualTo("Morning");
			assertThat(query.groups().get(5).get(0).value()).isEqualTo("Bob");
		}

		@Test
		void shouldTreatCurlyQuotesAsQuotes() {
			SearchQuery query = QueryParser.parse("\u201Cflat white\u201D \u201Elatte\u201C");
			assertThat(query.groups()).extracting((group) -> group.get(0))
				.containsExactly(new Term(Kind.PHRASE, "flat white", false, 1),
						new Term(Kind.PHRASE, "latte", false, 14));
		}

		@Test
		void shouldBindOrToTheTermsNextToIt() {
			SearchQuery query = QueryParser.parse("cats dogs OR birds OR -fish");
			assertThat(query.groups()).hasSize(2);
			assertThat(query.groups().get(1)).extracting(Term::value).containsExactly("dogs", "birds", "fish");
			assertThat(query.groups().get(1).get(2).negated()).isTrue();
		}

		@Test
		void shouldKeepUrlsAndLonePunctuationOutOfOperators() {
			SearchQuery query = QueryParser.parse("https://murmur.example/a - ok");
			assertThat(query.groups()).extracting((group) -> group.get(0).value())
				.containsExactly("https://murmur.example/a", "ok");
		}

	}

	@Nested
	class Errors {

		@Test
		void shouldNameThePositionOfAnUnbalancedQuote() {
			assertError("cats \u201Cand dogs", 6, "unbalanced quote");
		}

		@Test
		void shouldNameAnUnknownOperator() {
			assertError("cats lang:en", 6, "unknown operator 'lang:'");
		}

		@Test
		void shouldNameTheValueOfABadDate() {
			assertError("cats since:2026-02-30", 12, "no date");
			assertError("until:yesterday", 7, "no date");
		}

		@Test
		void shouldRefuseAnOrWithoutTwoSides() {
			assertError("OR cats", 1, "OR needs a term on each side");
			assertError("cats OR", 6, "OR needs a term on each side");
			assertError("cats OR OR dogs", 9, "OR needs a term on each side");
		}

		@Test
		void shouldRefuseBadValues() {
			assertError("has:video", 5, "has: takes media");
			assertError("is:quote", 4, "is: takes reply");
			assertError("from:no-such!", 6, "handle");
			assertError("# cats", 1, "hashtag");
			assertError("\"\"", 1, "empty phrase");
			assertError("   ", 1, "empty");
			assertError("since:2026-05-02 until:2026-05-01", 18, "before since:");
		}

		private void assertError(String query, int position, String reason) {
			assertThatExceptionOfType(QuerySyntaxException.class).isThrownBy(() -> QueryParser.parse(query))
				.satisfies((ex) -> {
					assertThat(ex.position()).as(query).isEqualTo(position);
					assertThat(ex.reason()).as(query).contains(reason);
				});
		}

	}

	@Test
	void shouldLimitTheNumberOfTerms() {
		assertThatExceptionOfType(QuerySyntaxException.class)
			.isThrownBy(() -> QueryParser.parse(String.join(" ", Collections.nCopies(QueryParser.MAX_TERMS + 1, "w"))))
			.withMessageContaining("at most");
	}

}
