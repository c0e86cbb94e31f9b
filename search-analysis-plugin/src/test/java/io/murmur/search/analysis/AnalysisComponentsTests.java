package io.murmur.search.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token filters over Lucene's standard tokenizer, as the posts mapping chains them,
 * and the plugin's component list against the classes.
 */
class AnalysisComponentsTests {

	private static final TokenFilterFactory FOLD = new FoldingFilterFactory();

	private static final TokenFilterFactory BIGRAM = new CjkBigramFilterFactory();

	private static final TokenFilterFactory STEM = new EnglishStemFilterFactory();

	private static final TokenFilterFactory EDGE = new EdgeNGramFilterFactory();

	@Nested
	class Text {

		@Test
		void shouldFoldCaseAccentsAndWidth() throws IOException {
			assertThat(tokens("Café NAÏVE Ｍｕｒｍｕｒ", FOLD::create)).containsExactly("cafe", "naive", "murmur");
		}

		@Test
		void shouldKeepEmojiAsTokens() throws IOException {
			assertThat(tokens("launch 🚀 day", (ts) -> BIGRAM.create(FOLD.create(ts)))).containsExactly("launch", "🚀",
					"day");
		}

		@Test
		void shouldIndexChineseAndJapaneseAsBigrams() throws IOException {
			assertThat(tokens("我爱北京", (ts) -> BIGRAM.create(FOLD.create(ts)))).containsExactly("我爱", "爱北", "北京");
			assertThat(tokens("東京タワー", (ts) -> BIGRAM.create(FOLD.create(ts)))).contains("東京", "タワ", "ワー");
		}

		@Test
		void shouldStemEnglishSoThatFormsMeet() throws IOException {
			UnaryOperator<TokenStream> english = (ts) -> STEM.create(FOLD.create(ts));
			assertThat(tokens("Running runs run's", english)).containsExactly("run", "run", "run");
		}

	}

	@Nested
	class Prefixes {

		@Test
		void shouldIndexEveryPrefixOfAToken() throws IOException {
			assertThat(tokens("Zoë_K", (ts) -> EDGE.create(FOLD.create(ts)))).containsExactly("z", "zo", "zoe", "zoe_",
					"zoe_k");
		}

		@Test
		void shouldKeepAWholeValueAsOneFoldedToken() throws IOException {
			Tokenizer whole = new WholeTextTokenizerFactory().create();
			whole.setReader(new StringReader("Zoë_K #Élan"));
			assertThat(tokens(whole, FOLD::create)).containsExactly("zoe_k #elan");
		}

	}

	@Nested
	class Descriptor {

		@Test
		void shouldListEveryNamedComponentUnderItsName() throws Exception {
			Map<String, Map<String, String>> listed = JsonMapper.shared()
				.readValue(Path.of("src/main/plugin/named_components.json").toFile(), new TypeReference<>() {
				});
			Map<String, String> components = new java.util.HashMap<>(listed.get(TokenFilterFactory.class.getName()));
			components.putAll(listed.get(TokenizerFactory.class.getName()));
			List<String> classes = new ArrayList<>();
			try (Stream<Path> files = Files.list(Path.of("src/main/java/io/murmur/search/analysis"))) {
				files.map((file) -> file.getFileName().toString())
					.filter((name) -> name.endsWith("Factory.java"))
					.forEach((name) -> classes
						.add("io.murmur.search.analysis." + name.substring(0, name.length() - ".java".length())));
			}
			assertThat(components.values()).containsExactlyInAnyOrderElementsOf(classes);
			for (Map.Entry<String, String> entry : components.entrySet()) {
				Class<?> type = Class.forName(entry.getValue());
				assertThat(type.getAnnotation(NamedComponent.class).value()).isEqualTo(entry.getKey());
			}
		}

	}

	static List<String> tokens(String text, UnaryOperator<TokenStream> filters) throws IOException {
		StandardTokenizer tokenizer = new StandardTokenizer();
		tokenizer.setReader(new StringReader(text));
		return tokens(tokenizer, filters);
	}

	static List<String> tokens(Tokenizer tokenizer, UnaryOperator<TokenStream> filters) throws IOException {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = filters.apply(tokenizer)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		return tokens;
	}

}
