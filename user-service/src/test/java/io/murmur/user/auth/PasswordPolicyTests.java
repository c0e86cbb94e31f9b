package io.murmur.user.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery staple", "Tr0ub4dor&3x", "k9#vQ!2m@Lp", "🐢🦊🐙🦉🐝🦋🐞🦀🐬🦜" })
	void shouldAcceptPasswordsThatAreNotTrivial(String password) {
		assertThat(PasswordPolicy.check(password, "alice", "alice@example.com")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "123456789", "🐢🦊🐙🦉🐝🦋🐞🦀🐬" })
	void shouldRefuseFewerThanTenCodePoints(String password) {
		assertThat(PasswordPolicy.check(password, null, null))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("between 10 and 128"));
	}

	@Test
	void shouldRefuseMoreThan128CodePoints() {
		assertThat(PasswordPolicy.check("🐢🦊🐙🦉🐝🦋🐞🦀".repeat(17), null, null)).isPresent();
		assertThat(PasswordPolicy.check("🐢🦊🐙🦉🐝🦋🐞🦀".repeat(16), null, null)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "1234567890", "QWERTYUIOP", "password123", "Password2024!", "!!qwerty!!2025", "iloveyou1234" })
	void shouldRefuseCommonPasswords(String password) {
		assertThat(PasswordPolicy.check(password, null, null))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("too common"));
	}

	@Test
	void shouldRefuseThePasswordContainingTheHandleInAnyCase() {
		assertThat(PasswordPolicy.check("the ALICE_99 secret", "alice_99", null))
			.hasValue("must not contain the handle");
	}

	@Test
	void shouldRefuseThePasswordContainingTheEmailLocalPart() {
		assertThat(PasswordPolicy.check("my name is bobby!", "b0b", "Bobby@example.com"))
			.hasValue("must not contain the email address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "zzzzzzzzzzzz", "xyxyxyxyxyxy", "abcdabcdabcd", "7878787878" })
	void shouldRefuseRepetitions(String password) {
		assertThat(PasswordPolicy.check(password, null, null))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("repeated"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "abcdefghijk", "klmnopqrstu", "zyxwvutsrqp", "3456789:;<" })
	void shouldRefuseSequences(String password) {
		assertThat(PasswordPolicy.check(password, null, null))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("sequence"));
	}

}
