package org.authbench.harness.drill;

import java.time.Duration;

import org.authbench.harness.drill.DrillEvent.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrillTests {

	@Test
	void parsesATimelineInTimeOrder() {
		Drill drill = Drill.parse("start app-2@40s, kill app-2@20s, redis-latency=5ms@1500ms, redis-kill@50s");

		assertThat(drill.events()).extracting(DrillEvent::action)
			.containsExactly(Action.REDIS_LATENCY, Action.KILL, Action.START, Action.KILL);
		assertThat(drill.events().get(0).latency()).isEqualTo(Duration.ofMillis(5));
		assertThat(drill.events().get(0).at()).isEqualTo(Duration.ofMillis(1500));
		assertThat(drill.events().get(3).target()).isEqualTo("redis");
		assertThat(drill.duration()).isEqualTo(Duration.ofSeconds(65));
		assertThat(drill.injectsRedisLatency()).isTrue();
	}

	@Test
	void aDrillNeedsRedisWhenAnEventActsOnRedisSentinelOrTheAppsWayToRedis() {
		assertThat(Drill.parse("kill app-2@1s, freeze app-1@2s, restart app-3@3s").needsRedis()).isFalse();
		assertThat(Drill.parse("kill app-2@1s, redis-kill@2s").needsRedis()).isTrue();
		assertThat(Drill.parse("freeze redis-primary@1s").needsRedis()).isTrue();
		assertThat(Drill.parse("kill sentinel-2@1s").needsRedis()).isTrue();
		assertThat(Drill.parse("redis-latency=5ms@1s").needsRedis()).isTrue();
		assertThat(Drill.parse("partition app-3@1s, heal app-3@2s").needsRedis()).isTrue();
	}

	@Test
	void describesItselfInItsOwnSyntax() {
		Drill drill = Drill.parse("freeze app-1@5s,thaw app-1@10s, redis-latency=0@12s");

		assertThat(Drill.parse(drill.describe())).isEqualTo(drill);
		assertThat(drill.describe()).isEqualTo("freeze app-1@5s, thaw app-1@10s, redis-latency=0ms@12s");
	}

	@Test
	void aMistakeIsExplained() {
		assertThatThrownBy(() -> Drill.parse("explode app-2@20s")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("explode app-2@20s")
			.hasMessageContaining("redis-latency=<ms>");
		assertThatThrownBy(() -> Drill.parse("kill app-2")).hasMessageContaining("<event>@<time>");
		assertThatThrownBy(() -> Drill.parse(" , ")).hasMessageContaining("at least one event");
	}

	@Test
	void presetsTargetTheLastInstanceAndScale() {
		Drill failover = Drill.preset("failover", 3, 0.5);
		Drill rolling = Drill.preset("rolling-restart", 3, 1.0);

		assertThat(failover.describe()).isEqualTo("kill app-3@8s, start app-3@18s");
		assertThat(Drill.preset("redis-outage", 2, 0.15).describe()).isEqualTo("kill redis@2s, start redis@5s");
		assertThat(Drill.preset("rolling-restart", 2, 0.01).describe()).isEqualTo("restart app-1@1s, restart app-2@1s");
		assertThat(rolling.events()).extracting(DrillEvent::target).containsExactly("app-1", "app-2", "app-3");
		assertThat(Drill.PRESETS).allSatisfy(name -> assertThat(Drill.preset(name, 2, 1.0).events()).isNotEmpty());
		assertThatThrownBy(() -> Drill.preset("meteor", 3, 1)).hasMessageContaining("failover, freeze");
	}

	@Test
	void theRedisHaPresetsNameThePrimaryWhenTheyRun() {
		Drill failover = Drill.preset("redis-failover", 2, 1.0);
		Drill freeze = Drill.preset("redis-primary-freeze", 2, 1.0);

		assertThat(failover.describe()).isEqualTo("kill redis-primary@15s, start redis@30s");
		assertThat(freeze.describe()).isEqualTo("freeze redis-primary@15s, thaw redis@25s");
		assertThat(Drill.parse("kill redis-2@1s, restart sentinel-3@2s").events()).extracting(DrillEvent::target)
			.containsExactly("redis-2", "sentinel-3");
	}

	@Test
	void aDrillThatTargetsWhatTheStackDoesNotHaveIsRefusedBeforeItStarts() {
		assertThat(Drill.parse("kill app-9@3s, start app-2@5s").unfitFor(2, 1, 0)).singleElement().asString()
			.isEqualTo("the drill's event 'kill app-9@3s' targets app-9, but the stack has 2 instances (app-1 … app-2)");
		assertThat(Drill.parse("redis-kill@3s").unfitFor(2, 0, 0)).singleElement().asString()
			.contains("runs without Redis");
		assertThat(Drill.parse("partition app-2@3s").unfitFor(2, 0, 0)).singleElement().asString()
			.contains("runs without Redis");
		assertThat(Drill.parse("kill redis-2@3s").unfitFor(2, 1, 0)).singleElement().asString()
			.contains("Redis with Sentinel (--redis-ha)");
		assertThat(Drill.parse("kill redis-3@3s, freeze sentinel-4@4s").unfitFor(2, 2, 3)).hasSize(2);
		assertThat(Drill.parse("kill redis-primary@3s, start redis@5s").unfitFor(1, 1, 0)).isEmpty();
		assertThat(Drill.PRESETS).allSatisfy(name -> assertThat(Drill.preset(name, 2, 1.0).unfitFor(2, 2, 3)).isEmpty());
	}
}
