package nl.webcare.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

class RedisUrlTest {
  @Test
  void oneNodeAndSentinelUrlsAreReadWithTheirParts() {
    RedisUrl node = RedisUrl.parse("rediss://ann:s%40cret@redis.example:6380/2");
    assertThat(node.tls()).isTrue();
    assertThat(node.user()).isEqualTo("ann");
    assertThat(node.password()).isEqualTo("s@cret");
    assertThat(node.database()).isEqualTo(2);
    assertThat(node.hosts()).containsExactly(new HostAndPort("redis.example", 6380));
    assertThat(node.sentinel()).isFalse();

    RedisUrl watched = RedisUrl.parse("redis-sentinel://:pw@s1:26379,s2,s3:26380/main/1");
    assertThat(watched.sentinel()).isTrue();
    assertThat(watched.masterName()).isEqualTo("main");
    assertThat(watched.database()).isEqualTo(1);
    assertThat(watched.user()).isNull();
    assertThat(watched.password()).isEqualTo("pw");
    assertThat(watched.hosts()).containsExactly(new HostAndPort("s1", 26379), new HostAndPort("s2", 26379),
        new HostAndPort("s3", 26380));
    assertThat(watched.cluster()).isFalse();

    RedisUrl cluster = RedisUrl.parse("redis-cluster://:pw@n1:7000,n2:7001,n3");
    assertThat(cluster.cluster()).isTrue();
    assertThat(cluster.sentinel()).isFalse();
    assertThat(cluster.tls()).isFalse();
    assertThat(cluster.password()).isEqualTo("pw");
    assertThat(cluster.hosts()).containsExactly(new HostAndPort("n1", 7000), new HostAndPort("n2", 7001),
        new HostAndPort("n3", 6379));
    assertThat(RedisUrl.parse("rediss-cluster://n1:7000").tls()).isTrue();
  }

  @Test
  void aWrongUrlIsRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> RedisUrl.parse("http://x:1")).hasMessageContaining("unknown scheme http");
    assertThatThrownBy(() -> RedisUrl.parse("redis-sentinel://s1:26379")).hasMessageContaining("master's name");
    assertThatThrownBy(() -> RedisUrl.parse("redis://a:1,b:2")).hasMessageContaining("one host");
    assertThatThrownBy(() -> RedisUrl.parse("redis://a:1/x")).hasMessageContaining("database must be a number");
    assertThatThrownBy(() -> RedisUrl.parse("localhost:6379")).hasMessageContaining("not a Redis URL");
    assertThatThrownBy(() -> RedisUrl.parse("redis-cluster://n1:7000/3")).hasMessageContaining("only database 0");
    assertThatThrownBy(() -> RedisUrl.parse("redis-cluster://")).hasMessageContaining("not a host:port");
  }
}
