/*
 * Copyright (c) 2026 cloudwire contributors
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * MQTT connections over Zephyr's MQTT client (TLS sockets). One
 * struct mqtt_client per connection with static, Kconfig-sized buffers.
 * Events of the client are handed to the Rust library through the
 * cw_mqtt_on_* callbacks.
 */

#include <errno.h>
#include <string.h>
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/net/mqtt.h>
#include <zephyr/net/socket.h>
#include <zephyr/net/tls_credentials.h>
#include <zephyr/sys/fdtable.h>
#include <zephyr/zvfs/eventfd.h>
#include <cloudwire/capi.h>
#include <cloudwire/port.h>

#include "lock.h"
#include "message_buffer.h"

LOG_MODULE_DECLARE(nrf_cloud, CONFIG_NRF_CLOUD_LOG_LEVEL);

/* Most topic filters one SUBSCRIBE carries (nRF Cloud sends up to 4). */
#define SUBSCRIBE_MAX_TOPICS 8

/* Longest wait for the rest of a PUBLISH payload that has begun to arrive. */
#define PAYLOAD_STALL_TIMEOUT_MS (30 * MSEC_PER_SEC)

/* Broker addresses are made text only for the debug log that shows them. */
#if defined(CONFIG_LOG) && CONFIG_NRF_CLOUD_LOG_LEVEL >= LOG_LEVEL_DBG
#define LOG_ADDRESSES 1
#else
#define LOG_ADDRESSES 0
#endif

/* The port's QoS values are the wire values, as Zephyr's enum mqtt_qos. */
BUILD_ASSERT(MQTT_QOS_0_AT_MOST_ONCE == 0 && MQTT_QOS_1_AT_LEAST_ONCE == 1 &&
	     MQTT_QOS_2_EXACTLY_ONCE == 2, "enum mqtt_qos is not the wire value");
BUILD_ASSERT(sizeof(sec_tag_t) == sizeof(int32_t), "sec_tag_t must hold an int32_t");
/* One store sets the port of either address family. */
BUILD_ASSERT(offsetof(struct sockaddr_in, sin_port) ==
	     offsetof(struct sockaddr_in6, sin6_port), "sin_port and sin6_port differ");
/* cw_port_mqtt_wait() turns revents into CW_POLL_* bits with one shift. */
BUILD_ASSERT(ZSOCK_POLLIN == CW_POLL_IN && ZSOCK_POLLERR == CW_POLL_ERR << 2 &&
	     ZSOCK_POLLHUP == CW_POLL_HUP << 2 && ZSOCK_POLLNVAL == CW_POLL_NVAL << 2,
	     "ZSOCK_POLL* bits moved");

/*
 * Where struct cw_mqtt_topic has the layout of Zephyr's struct mqtt_topic
 * (32-bit targets), a SUBSCRIBE passes the caller's array as it is.
 */
#define TOPIC_LAYOUT_SAME                                                           \
	(sizeof(struct cw_mqtt_topic) == sizeof(struct mqtt_topic) &&               \
	 offsetof(struct cw_mqtt_topic, ptr) == offsetof(struct mqtt_topic, topic.utf8) && \
	 offsetof(struct cw_mqtt_topic, len) == offsetof(struct mqtt_topic, topic.size) && \
	 sizeof(size_t) == sizeof(uint32_t) &&                                      \
	 offsetof(struct cw_mqtt_topic, qos) == offsetof(struct mqtt_topic, qos))

struct cw_mqtt_conn {
	struct mqtt_client client;
	/* True from a successful mqtt_connect() until its DISCONNECT event. */
	bool open;
	/* wake_fd and poll_lock are set up (by the first connect). */
	bool wake_ready;
	/*
	 * The poll thread waits in cw_port_mqtt_wait(), and for the rest of a
	 * PUBLISH payload inside cw_port_mqtt_input(), without the library
	 * lock, so another thread may disconnect meanwhile. Closing a socket
	 * that a thread is polling is not safe on every socket layer (the
	 * TLS layer then skips the inner socket's poll clean-up, which
	 * corrupts NSOS's poll list on native_sim and loses later wake-ups).
	 * So the poller holds poll_lock while it is in zsock_poll(), and the
	 * closer wakes it through wake_fd and takes poll_lock before it closes.
	 */
	int wake_fd;
	struct k_mutex poll_lock;
	uint8_t rx_buf[CONFIG_NRF_CLOUD_MQTT_MESSAGE_BUFFER_LEN];
	uint8_t tx_buf[CONFIG_NRF_CLOUD_MQTT_MESSAGE_BUFFER_LEN];
};

/* All connections use the nRF Cloud sizes while it is the only one. */
static struct cw_mqtt_conn conns[CW_CONN_COUNT];

static struct cw_mqtt_conn *conn_get(uint8_t conn)
{
	return conn < CW_CONN_COUNT ? &conns[conn] : NULL;
}

static uint8_t conn_index(const struct mqtt_client *client)
{
	const struct cw_mqtt_conn *c = CONTAINER_OF(client, struct cw_mqtt_conn, client);

	/* A constant while there is one connection. */
	return ARRAY_SIZE(conns) == 1 ? 0 : (uint8_t)(c - conns);
}

/*
 * zsock_poll() for input on the MQTT socket, which a close from another
 * thread interrupts (see wake_fd). Returns the socket's revents (> 0),
 * 0 on timeout, -errno on error, or -ECANCELED when the connection is being
 * or has been closed (the caller must then leave the socket alone).
 */
static int socket_poll(struct cw_mqtt_conn *c, int timeout_ms)
{
	struct zsock_pollfd fds[2];
	int n = -ECANCELED;

	cw_mutex_lock(&c->poll_lock);
	if (c->open) {
		fds[0] = (struct zsock_pollfd){
			.fd = c->client.transport.tls.sock,
			.events = ZSOCK_POLLIN,
		};
		fds[1] = (struct zsock_pollfd){
			.fd = c->wake_fd,
			.events = ZSOCK_POLLIN,
		};
		n = zsock_poll(fds, ARRAY_SIZE(fds), timeout_ms);
		if (n < 0) {
			n = -errno;
		} else if (fds[1].revents != 0) {
			/* Woken by a closer, which empties wake_fd itself. */
			n = -ECANCELED;
		} else {
			/* Non-zero exactly when zsock_poll() counted the socket. */
			n = (uint16_t)fds[0].revents;
		}
	}
	(void)k_mutex_unlock(&c->poll_lock);
	return n;
}

/*
 * Reads len bytes of the current PUBLISH payload into buf, which holds
 * CW_MESSAGE_BUFFER_LEN bytes: a longer payload is read over the start of
 * buf again and again, i.e. drained. Non-blocking reads plus poll work on
 * blocking and on O_NONBLOCK sockets (CONFIG_NRF_CLOUD_SEND_NONBLOCKING)
 * alike: a blocking read on an O_NONBLOCK socket would fail with EAGAIN and
 * the client would drop the connection. A read error has already closed
 * the connection; a stall closes it here, since the stream cannot be
 * resynchronised.
 */
static int payload_read(struct cw_mqtt_conn *c, uint8_t *buf, size_t len)
{
	while (len > 0) {
		int n = mqtt_read_publish_payload(&c->client, buf,
						  MIN(len, CW_MESSAGE_BUFFER_LEN));

		if (n == -EAGAIN) {
			int ready = socket_poll(c, PAYLOAD_STALL_TIMEOUT_MS);

			if (ready == -ECANCELED) {
				/* Another thread is closing the connection. */
				return ready;
			}
			if (ready <= 0) {
				LOG_ERR("PUBLISH payload stalled (%d)", ready < 0 ? ready : -ETIMEDOUT);
				(void)mqtt_abort(&c->client);
				return -ETIMEDOUT;
			}
			continue;
		}
		if (n < 0) {
			return n;
		}
		if (n == 0) {
			return -EIO;
		}
		if (len <= CW_MESSAGE_BUFFER_LEN) {
			buf += n;
		}
		len -= (size_t)n;
	}
	return 0;
}

static __noinline void on_publish(struct cw_mqtt_conn *c, uint8_t conn, const struct mqtt_evt *evt)
{
	const struct mqtt_publish_param *pub = &evt->param.publish;
	const struct mqtt_topic *topic = &pub->message.topic;
	size_t len = pub->message.payload.len;
	bool fits = len <= CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN;
	uint8_t *payload;
	int err;

	if (evt->result != 0) {
		/* Undecodable packet: the client closes the connection itself. */
		LOG_ERR("PUBLISH not decoded: %d", evt->result);
		return;
	}

	/* A payload that fits stays in the buffer, with its NUL, while the
	 * library hands it to the application; a larger one is drained.
	 */
	payload = cw_message_buffer_rx_claim(conn, MIN(len + 1, CW_MESSAGE_BUFFER_LEN));
	err = payload_read(c, payload, len);
	if (err == 0 && fits) {
		payload[len] = '\0';
		cw_mqtt_on_publish(conn, topic->topic.utf8, topic->topic.size, payload, len,
				   topic->qos, pub->message_id);
	}
	cw_message_buffer_rx_release(conn);
	if (err) {
		/* The failure has closed the connection. */
		return;
	}

	if (!fits) {
		cw_mqtt_on_publish_too_large(conn, topic->topic.utf8, topic->topic.size, len);
	} else if (topic->qos == MQTT_QOS_1_AT_LEAST_ONCE && c->open) {
		const struct mqtt_puback_param ack = { .message_id = pub->message_id };

		err = mqtt_publish_qos1_ack(&c->client, &ack);
		if (err) {
			LOG_WRN("PUBACK %u not sent: %d", pub->message_id, err);
		}
	}
}

/* 0 when every topic was granted, else the failure (0x80 or -errno). */
static int32_t suback_result(const struct mqtt_evt *evt)
{
	const struct mqtt_binstr *codes = &evt->param.suback.return_codes;

	if (evt->result != 0) {
		return evt->result;
	}
	for (uint32_t i = 0; i < codes->len; i++) {
		if (codes->data[i] == MQTT_SUBACK_FAILURE) {
			return MQTT_SUBACK_FAILURE;
		}
	}
	return 0;
}

static void mqtt_evt_handler(struct mqtt_client *client, const struct mqtt_evt *evt)
{
	uint8_t conn = conn_index(client);
	struct cw_mqtt_conn *c = &conns[conn];

	switch (evt->type) {
	case MQTT_EVT_CONNACK:
		cw_mqtt_on_connack(conn, evt->param.connack.return_code,
				   evt->param.connack.session_present_flag != 0);
		break;
	case MQTT_EVT_DISCONNECT:
		c->open = false;
		cw_mqtt_on_disconnect(conn, evt->result);
		break;
	case MQTT_EVT_PUBLISH:
		on_publish(c, conn, evt);
		break;
	case MQTT_EVT_PUBACK:
		cw_mqtt_on_puback(conn, evt->param.puback.message_id, evt->result);
		break;
	case MQTT_EVT_SUBACK:
		cw_mqtt_on_suback(conn, evt->param.suback.message_id, suback_result(evt));
		break;
	case MQTT_EVT_PINGRESP:
		cw_mqtt_on_pingresp(conn);
		break;
	default:
		/* QoS 2 and UNSUBACK are not used by the libraries. */
		LOG_DBG("MQTT event %d ignored", evt->type);
		break;
	}
}

/*
 * What Zephyr's client reads only inside mqtt_connect() (socket, TLS
 * options, connect): kept on the connecting thread's stack, not in RAM for
 * the life of the connection.
 */
struct connect_target {
	struct sockaddr_storage broker;
	sec_tag_t sec_tag;
};

static void client_setup(struct cw_mqtt_conn *c, struct connect_target *t,
			 const struct cw_mqtt_conn_params *params)
{
	struct mqtt_client *client = &c->client;
	struct mqtt_sec_config *tls = &client->transport.tls.config;

	/* Zeroes the rest: no user name, password or cipher list. */
	mqtt_client_init(client);
	client->broker = (struct sockaddr *)&t->broker;
	client->evt_cb = mqtt_evt_handler;
	client->client_id.utf8 = params->client_id;
	client->client_id.size = (uint32_t)params->client_id_len;
	if (IS_ENABLED(CONFIG_MQTT_VERSION_5_0)) {
		/* Otherwise mqtt_client_init() has chosen 3.1.1. */
		client->protocol_version = MQTT_VERSION_3_1_1;
	}
	client->keepalive = params->keepalive_s;
	client->clean_session = params->clean_session ? 1U : 0U;
	client->rx_buf = c->rx_buf;
	client->rx_buf_size = sizeof(c->rx_buf);
	client->tx_buf = c->tx_buf;
	client->tx_buf_size = sizeof(c->tx_buf);

	t->sec_tag = (sec_tag_t)params->sec_tag;
	client->transport.type = MQTT_TRANSPORT_SECURE;
	tls->peer_verify = TLS_PEER_VERIFY_REQUIRED;
	tls->sec_tag_list = &t->sec_tag;
	tls->sec_tag_count = 1;
	/* Server name for SNI and for checking the server's certificate. */
	tls->hostname = params->host;
}

/* TCP + TLS + CONNECT to the address in t->broker. */
static int connect_broker(struct cw_mqtt_conn *c, struct connect_target *t, uint16_t port)
{
	struct sockaddr *addr = (struct sockaddr *)&t->broker;
	char ip[NET_IPV6_ADDR_LEN];
	int err;

	net_sin(addr)->sin_port = htons(port);
	if (LOG_ADDRESSES) {
		const void *in_addr = addr->sa_family == AF_INET6 ?
			(const void *)&net_sin6(addr)->sin6_addr :
			(const void *)&net_sin(addr)->sin_addr;

		if (zsock_inet_ntop(addr->sa_family, in_addr, ip, sizeof(ip)) == NULL) {
			strcpy(ip, "?");
		}
		LOG_DBG("Connecting to %s port %u", ip, port);
	}

	err = mqtt_connect(&c->client);
	if (LOG_ADDRESSES && err) {
		LOG_DBG("%s: mqtt_connect failed: %d", ip, err);
	}
	return err;
}

/* Resolves host for one address family and tries each address in turn. */
static int connect_family(struct cw_mqtt_conn *c, struct connect_target *t,
			  const struct cw_mqtt_conn_params *params, int family)
{
	struct zsock_addrinfo hints = {
		.ai_family = family,
		.ai_socktype = SOCK_STREAM,
	};
	struct zsock_addrinfo *result;
	int err;

	err = zsock_getaddrinfo(params->host, NULL, &hints, &result);
	if (err) {
		LOG_DBG("No %s address for %s: %d", family == AF_INET6 ? "IPv6" : "IPv4",
			params->host, err);
		return -EADDRNOTAVAIL;
	}

	err = -ECONNREFUSED;
	for (struct zsock_addrinfo *ai = result; ai != NULL; ai = ai->ai_next) {
		if (ai->ai_addr == NULL || ai->ai_family != family) {
			continue;
		}
		memcpy(&t->broker, ai->ai_addr,
		       IS_ENABLED(CONFIG_NET_IPV6) && family == AF_INET6 ?
		       sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in));
		err = connect_broker(c, t, params->port);
		if (err == 0) {
			break;
		}
	}
	zsock_freeaddrinfo(result);
	return err;
}

static int connect_static_ipv4(struct cw_mqtt_conn *c, struct connect_target *t,
			       const struct cw_mqtt_conn_params *params)
{
	struct sockaddr_in *addr = (struct sockaddr_in *)&t->broker;

	addr->sin_family = AF_INET;
	if (zsock_inet_pton(AF_INET, params->static_ipv4, &addr->sin_addr) != 1) {
		LOG_ERR("Bad static IPv4 address: %s", params->static_ipv4);
		return -EINVAL;
	}
	return connect_broker(c, t, params->port);
}

/* Applies the NRF_CLOUD_SEND_* socket choice; failures only warn. */
static void socket_options_apply(int sock)
{
	if (IS_ENABLED(CONFIG_NRF_CLOUD_SEND_NONBLOCKING)) {
		int flags = zsock_fcntl(sock, ZVFS_F_GETFL, 0);

		if (flags < 0 || zsock_fcntl(sock, ZVFS_F_SETFL, flags | ZVFS_O_NONBLOCK) < 0) {
			LOG_WRN("Socket stays blocking: errno %d", errno);
		}
	} else if (IS_ENABLED(CONFIG_NRF_CLOUD_SEND_TIMEOUT)) {
		struct zsock_timeval timeout = {
			.tv_sec = CONFIG_NRF_CLOUD_SEND_TIMEOUT_SEC,
		};

		if (zsock_setsockopt(sock, SOL_SOCKET, SO_SNDTIMEO, &timeout,
				     sizeof(timeout)) < 0) {
			LOG_WRN("No send timeout: errno %d", errno);
		}
	}
}

int cw_port_mqtt_connect(uint8_t conn, const struct cw_mqtt_conn_params *params)
{
	struct cw_mqtt_conn *c = conn_get(conn);
	struct connect_target target = { 0 };
	int err = -ECONNREFUSED;

	if (c == NULL || params == NULL || params->host == NULL || params->client_id == NULL) {
		return -EINVAL;
	}
	if (c->open) {
		return -EISCONN;
	}
	if (!c->wake_ready) {
		c->wake_fd = zvfs_eventfd(0, ZVFS_EFD_NONBLOCK);
		if (c->wake_fd < 0) {
			LOG_ERR("No eventfd for the poll thread: errno %d", errno);
			return -ENOMEM;
		}
		k_mutex_init(&c->poll_lock);
		c->wake_ready = true;
	}

	client_setup(c, &target, params);

	if (params->static_ipv4 != NULL) {
		/* A fixed address has no DNS fallback. */
		err = connect_static_ipv4(c, &target, params);
	} else {
		if (IS_ENABLED(CONFIG_NET_IPV6)) {
			err = connect_family(c, &target, params, AF_INET6);
		}
		if (err && IS_ENABLED(CONFIG_NET_IPV4) && !params->ipv6_only) {
			err = connect_family(c, &target, params, AF_INET);
		}
	}

	if (err) {
		/* As NCS: any failure to reach the broker is -ECONNREFUSED. */
		LOG_ERR("Could not connect to %s port %u: %d", params->host, params->port, err);
		return -ECONNREFUSED;
	}

	/* Only mqtt_connect() reads them; they are gone with this frame. */
	c->client.broker = NULL;
	c->client.transport.tls.config.sec_tag_list = NULL;
	c->open = true;
	socket_options_apply(c->client.transport.tls.sock);
	return 0;
}

static int disconnect_client(struct mqtt_client *client)
{
	return mqtt_disconnect(client, NULL);
}

/*
 * Runs fn on the open connection's client, as the functions below return:
 * -EINVAL for an unknown connection, -ENOTCONN when it is not open. When
 * fn closes the socket, the poll thread is first woken out of zsock_poll()
 * and kept out until fn has returned (see poll_lock); a no-op wait when the
 * caller is the poll thread itself (it is not polling then).
 */
static int client_call(uint8_t conn, int (*fn)(struct mqtt_client *client), bool closes)
{
	struct cw_mqtt_conn *c = conn_get(conn);
	zvfs_eventfd_t value;
	int err;

	if (c == NULL) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	if (closes) {
		(void)zvfs_eventfd_write(c->wake_fd, 1);
		cw_mutex_lock(&c->poll_lock);
		/* Non-blocking: takes the wake-up back, used or not. */
		(void)zvfs_eventfd_read(c->wake_fd, &value);
	}
	err = fn(&c->client);
	if (closes) {
		(void)k_mutex_unlock(&c->poll_lock);
	}
	return err;
}

int cw_port_mqtt_disconnect(uint8_t conn)
{
	return client_call(conn, disconnect_client, true);
}

int cw_port_mqtt_abort(uint8_t conn)
{
	return client_call(conn, mqtt_abort, true);
}

int cw_port_mqtt_publish(uint8_t conn, const uint8_t *topic, size_t topic_len,
			 const uint8_t *payload, size_t payload_len, uint8_t qos,
			 uint16_t msg_id)
{
	struct cw_mqtt_conn *c = conn_get(conn);
	struct mqtt_publish_param pub;

	if (c == NULL || topic == NULL || (payload == NULL && payload_len > 0) ||
	    qos > MQTT_QOS_2_EXACTLY_ONCE) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	/* Field by field is smaller than an initialiser, which zeroes first;
	 * members beyond the flags (MQTT 5 properties) are zeroed here.
	 */
	if (sizeof(pub) != offsetof(struct mqtt_publish_param, message_id) + sizeof(uint32_t)) {
		memset(&pub, 0, sizeof(pub));
	}
	pub.message.topic.topic.utf8 = topic;
	pub.message.topic.topic.size = (uint32_t)topic_len;
	pub.message.topic.qos = qos;
	/* Zephyr's struct is not const-correct; the payload is only read. */
	pub.message.payload.data = (uint8_t *)payload;
	pub.message.payload.len = (uint32_t)payload_len;
	pub.message_id = msg_id;
	pub.dup_flag = 0U;
	pub.retain_flag = 0U;
	return mqtt_publish(&c->client, &pub);
}

int cw_port_mqtt_subscribe(uint8_t conn, const struct cw_mqtt_topic *topics,
			   size_t count, uint16_t msg_id)
{
	struct cw_mqtt_conn *c = conn_get(conn);
	struct mqtt_topic list[SUBSCRIBE_MAX_TOPICS];
	struct mqtt_subscription_list sub = {
		.list = list,
		.list_count = (uint16_t)count,
		.message_id = msg_id,
	};

	if (c == NULL || topics == NULL || count == 0 || count > SUBSCRIBE_MAX_TOPICS) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	if (TOPIC_LAYOUT_SAME) {
		/* Only read by the client. */
		sub.list = (struct mqtt_topic *)(uintptr_t)topics;
	} else {
		for (size_t i = 0; i < count; i++) {
			list[i] = (struct mqtt_topic){
				.topic.utf8 = topics[i].ptr,
				.topic.size = (uint32_t)topics[i].len,
				.qos = topics[i].qos,
			};
		}
	}
	return mqtt_subscribe(&c->client, &sub);
}

int cw_port_mqtt_input(uint8_t conn)
{
	return client_call(conn, mqtt_input, false);
}

int cw_port_mqtt_live(uint8_t conn)
{
	return client_call(conn, mqtt_live, false);
}

int cw_port_mqtt_ping(uint8_t conn)
{
	return client_call(conn, mqtt_ping, false);
}

int cw_port_mqtt_keepalive_set(uint8_t conn, uint16_t keepalive_s)
{
	struct cw_mqtt_conn *c = conn_get(conn);

	if (c == NULL) {
		return -EINVAL;
	}
	/* Read by mqtt_live() and mqtt_keepalive_time_left(); no packet needed. */
	c->client.keepalive = keepalive_s;
	return 0;
}

int cw_port_mqtt_keepalive_time_left(uint8_t conn)
{
	struct cw_mqtt_conn *c = conn_get(conn);

	if (c == NULL || !c->open) {
		return -1;
	}
	return mqtt_keepalive_time_left(&c->client);
}

int cw_port_mqtt_wait(uint8_t conn, int32_t timeout_ms)
{
	struct cw_mqtt_conn *c = conn_get(conn);
	int n;

	if (c == NULL) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	n = socket_poll(c, timeout_ms < 0 ? -1 : timeout_ms);
	if (n == -ECANCELED) {
		/* Closed by another thread: what polling a closed socket gives. */
		return CW_POLL_NVAL;
	}
	if (n <= 0) {
		return n;
	}
	/* POLLIN stays, POLLERR/HUP/NVAL move down to CW_POLL_ERR/HUP/NVAL. */
	return (n & CW_POLL_IN) | ((n >> 2) & (CW_POLL_ERR | CW_POLL_HUP | CW_POLL_NVAL));
}

int cw_port_mqtt_socket(uint8_t conn)
{
	struct cw_mqtt_conn *c = conn_get(conn);

	return (c != NULL && c->open) ? c->client.transport.tls.sock : -1;
}
