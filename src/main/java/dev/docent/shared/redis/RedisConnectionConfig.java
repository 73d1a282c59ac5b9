package dev.docent.shared.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** One shared Lettuce connection, only when Redis is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${docent.redis.url:}' != '' or '${docent.redis.cluster-nodes:}' != ''")
class RedisConnectionConfig {

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisSettings settings) {
        SocketOptions socket = SocketOptions.builder().connectTimeout(settings.timeout().multipliedBy(2)).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(settings.timeout());
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
            .commandTimeout(settings.timeout());
        if (!settings.clusterNodes().isBlank()) {
            client.clientOptions(ClusterClientOptions.builder()
                .socketOptions(socket)
                .timeoutOptions(timeouts)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
            RedisClusterConfiguration cluster = new RedisClusterConfiguration(
                    Arrays.stream(settings.clusterNodes().split(",")).map(String::trim).toList());
            return new LettuceConnectionFactory(cluster, client.build());
        }
        RedisURI uri = RedisURI.create(settings.url());
        if (uri.isSsl()) {
            client.useSsl();
        }
        client.clientOptions(ClientOptions.builder()
            .socketOptions(socket)
            .timeoutOptions(timeouts)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
        RedisStandaloneConfiguration standalone = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        standalone.setDatabase(uri.getDatabase());
        String userInfo = java.net.URI.create(settings.url()).getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? "" : userInfo.substring(0, colon);
            if (!user.isEmpty()) {
                standalone.setUsername(user);
            }
            standalone.setPassword(colon < 0 ? userInfo : userInfo.substring(colon + 1));
        }
        return new LettuceConnectionFactory(standalone, client.build());
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(LettuceConnectionFactory factory) {
        return new StringRedisTemplate(factory);
    }

}
