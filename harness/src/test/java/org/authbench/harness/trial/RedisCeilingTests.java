package org.authbench.harness.trial;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading MONITOR's lines back into commands, and the replay's arithmetic. */
class RedisCeilingTests {

	@Test
	void readsAMonitorLineWithItsEscapesBackIntoTheCommandsBytes() {
		List<byte[]> words = RedisCeiling.parseMonitorLine(
				"1701619200.123456 [0 127.0.0.1:54321] \"HSET\" \"spring:session:sessions:ab\" \"sessionAttr:x\" "
						+ "\"\\xac\\xed\\x00\\x05t\\x00\\x03a\\\"b\\\\c\\n\"");

		assertThat(words).hasSize(4);
		assertThat(text(words.get(0))).isEqualTo("HSET");
		assertThat(RedisCeiling.name(words)).isEqualTo("hset");
		assertThat(text(words.get(1))).isEqualTo("spring:session:sessions:ab");
		assertThat(words.get(3)).containsExactly(0xac - 256, 0xed - 256, 0, 5, 't', 0, 3, 'a', '"', 'b', '\\', 'c', '\n');
	}

	@Test
	void skipsTheLineThatIsNotACommandAndKeepsEmptyWords() {
		assertThat(RedisCeiling.parseMonitorLine("OK")).isNull();
		List<byte[]> words = RedisCeiling.parseMonitorLine("1.0 [0 lua] \"SET\" \"k\" \"\"");
		assertThat(words).hasSize(3);
		assertThat(words.get(2)).isEmpty();
	}

	@Test
	void countsTheMixOfACapturedSequence() {
		List<List<byte[]>> commands = List.of(words("HGETALL", "a"), words("hset", "a", "f", "v"), words("HGETALL", "b"));

		assertThat(RedisCeiling.mix(commands)).containsExactly(Map.entry("hgetall", 2L), Map.entry("hset", 1L));
	}

	@Test
	void replayFiguresComeFromRedisOwnCountsAndCpu() {
		// 4 s, 600,000 commands, 3.8 s of Redis CPU: 150,000 commands/s, 6.333 µs each, busy 0.95: saturated.
		RedisCeiling.Replay busy = RedisCeiling.figures(Map.of("exists", 1L), 8, 16, 4.0, 600_000, 3.8);
		assertThat(busy.commandsPerSecond()).isEqualTo(150_000.0);
		assertThat(busy.microsPerCommand()).isEqualTo(6.333);
		assertThat(busy.busyCores()).isEqualTo(0.95);
		assertThat(busy.saturated()).isTrue();

		// Redis half busy: the generator was the limit.
		assertThat(RedisCeiling.figures(Map.of("exists", 1L), 8, 16, 4.0, 300_000, 2.0).saturated()).isFalse();
	}

	@Test
	void encodesACommandInRedisProtocol() {
		assertThat(text(RedisCeiling.encode(words("SET", "k", "")))).isEqualTo("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n");
	}

	@Test
	void dropsWholeRepliesOfEveryKindAcrossReads() throws java.io.IOException {
		String replies = "+OK\r\n:12\r\n$3\r\nabc\r\n*2\r\n$1\r\na\r\n$-1\r\n*-1\r\n-ERR wrong\r\n"
				+ "*2\r\n*1\r\n:1\r\n$10\r\n0123456789\r\n+END\r\n";
		// One byte per read: every reply crosses the buffer's refills.
		java.io.InputStream trickle = new java.io.ByteArrayInputStream(replies.getBytes(StandardCharsets.US_ASCII)) {
			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, 1));
			}
		};
		RedisCeiling.Replies reader = new RedisCeiling.Replies(trickle);

		reader.skip(7);

		assertThat(trickle.available()).as("only +END is left").isEqualTo(6);
		reader.skip(1);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.skip(1)).isInstanceOf(java.io.EOFException.class);
	}

	private static List<byte[]> words(String... words) {
		return java.util.Arrays.stream(words).map(w -> w.getBytes(StandardCharsets.UTF_8)).toList();
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}
}
