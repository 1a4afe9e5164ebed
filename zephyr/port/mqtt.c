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

#include "message_buffer.h"

LOG_MODULE_DECLARE(nrf_cloud, CONFIG_NRF_CLOUD_LOG_LEVEL);

/* Most topic filters one SUBSCRIBE carries (nRF Cloud sends up to 4). */
#define SUBSCRIBE_MAX_TOPICS 8

/* Longest wait for the rest of a PUBLISH payload that has begun to arrive. */
#define PAYLOAD_STALL_TIMEOUT_MS (30 * MSEC_PER_SEC)

/* The port's QoS values are the wire values, as Zephyr's enum mqtt_qos. */
BUILD_ASSERT(MQTT_QOS_0_AT_MOST_ONCE == 0 && MQTT_QOS_1_AT_LEAST_ONCE == 1 &&
	     MQTT_QOS_2_EXACTLY_ONCE == 2, "enum mqtt_qos is not the wire value");
BUILD_ASSERT(sizeof(sec_tag_t) == sizeof(int32_t), "sec_tag_t must hold an int32_t");

struct cw_mqtt_conn {
	struct mqtt_client client;
	struct sockaddr_storage broker;
	sec_tag_t sec_tag;
	/* True from a successful mqtt_connect() until its DISCONNECT event. */
	bool open;
	uint8_t rx_buf[CONFIG_NRF_CLOUD_MQTT_MESSAGE_BUFFER_LEN];
	uint8_t tx_buf[CONFIG_NRF_CLOUD_MQTT_MESSAGE_BUFFER_LEN];
	/*
	 * The poll thread waits in cw_port_mqtt_wait(), and for the rest of a
	 * PUBLISH payload inside cw_port_mqtt_input(), without the library
	 * lock, so another thread may disconnect meanwhile. Closing a socket
	 * that a thread is polling is not safe on every socket layer (the
	 * TLS layer then skips the inner socket's poll clean-up, which
	 * corrupts NSOS's poll list on native_sim and loses later wake-ups).
	 * So the closer first wakes the waiter through wake_fd and waits on
	 * poll_left until it is out of zsock_poll(). Guarded by wait_guard.
	 */
	int wake_fd;
	bool wake_ready;
	bool polling;
	bool closing;
	struct k_sem poll_left;
};

/* All connections use the nRF Cloud sizes while it is the only one. */
static struct cw_mqtt_conn conns[CW_CONN_COUNT];

static K_MUTEX_DEFINE(wait_guard);

static struct cw_mqtt_conn *conn_get(uint8_t conn)
{
	return conn < CW_CONN_COUNT ? &conns[conn] : NULL;
}

static uint8_t conn_index(const struct mqtt_client *client)
{
	const struct cw_mqtt_conn *c = CONTAINER_OF(client, struct cw_mqtt_conn, client);

	return (uint8_t)(c - conns);
}

/*
 * zsock_poll() for input on the MQTT socket, which a close from another
 * thread interrupts (see wake_fd). Returns as zsock_poll(), with the
 * socket's revents in *revents, or -ECANCELED when the socket is being
 * closed (the caller must then leave it alone).
 */
static int socket_poll(struct cw_mqtt_conn *c, int timeout_ms, short *revents)
{
	struct zsock_pollfd fds[2];
	zvfs_eventfd_t value;
	bool closing;
	int n;
	int err;

	k_mutex_lock(&wait_guard, K_FOREVER);
	if (c->closing) {
		k_mutex_unlock(&wait_guard);
		return -ECANCELED;
	}
	c->polling = true;
	k_mutex_unlock(&wait_guard);

	fds[0] = (struct zsock_pollfd){
		.fd = c->client.transport.tls.sock,
		.events = ZSOCK_POLLIN,
	};
	fds[1] = (struct zsock_pollfd){
		.fd = c->wake_fd,
		.events = ZSOCK_POLLIN,
	};
	n = zsock_poll(fds, ARRAY_SIZE(fds), timeout_ms);
	err = errno;

	k_mutex_lock(&wait_guard, K_FOREVER);
	c->polling = false;
	closing = c->closing;
	if (closing) {
		/* Non-blocking: empties the wake-up count if it was written. */
		(void)zvfs_eventfd_read(c->wake_fd, &value);
		k_sem_give(&c->poll_left);
	}
	k_mutex_unlock(&wait_guard);

	if (closing) {
		return -ECANCELED;
	}
	if (n < 0) {
		return -err;
	}
	*revents = fds[0].revents;
	return n;
}

/*
 * Reads len bytes of the current PUBLISH payload into buf. Non-blocking
 * reads plus poll work on blocking and on O_NONBLOCK sockets
 * (CONFIG_NRF_CLOUD_SEND_NONBLOCKING) alike: a blocking read on an
 * O_NONBLOCK socket would fail with EAGAIN and the client would drop the
 * connection. A read error has already closed the connection; a stall
 * closes it here, since the stream cannot be resynchronised.
 */
static int payload_read(struct cw_mqtt_conn *c, uint8_t *buf, size_t len)
{
	while (len > 0) {
		int n = mqtt_read_publish_payload(&c->client, buf, len);

		if (n == -EAGAIN) {
			short revents = 0;
			int ready = socket_poll(c, PAYLOAD_STALL_TIMEOUT_MS, &revents);

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
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Reads and throws away a payload too large for the payload buffer. */
static int payload_drain(struct cw_mqtt_conn *c, uint8_t conn, size_t len)
{
	uint8_t *buf = cw_message_buffer_rx_claim(conn, CW_MESSAGE_BUFFER_LEN);
	int err = 0;

	while (len > 0 && err == 0) {
		size_t chunk = MIN(len, CW_MESSAGE_BUFFER_LEN);

		err = payload_read(c, buf, chunk);
		len -= chunk;
	}
	cw_message_buffer_rx_release(conn);
	return err;
}

static void on_publish(struct cw_mqtt_conn *c, uint8_t conn, const struct mqtt_evt *evt)
{
	const struct mqtt_publish_param *pub = &evt->param.publish;
	const uint8_t *topic = pub->message.topic.topic.utf8;
	size_t topic_len = pub->message.topic.topic.size;
	size_t len = pub->message.payload.len;
	uint8_t qos = pub->message.topic.qos;
	uint8_t *payload;
	int err;

	if (evt->result != 0) {
		/* Undecodable packet: the client closes the connection itself. */
		LOG_ERR("PUBLISH not decoded: %d", evt->result);
		return;
	}

	if (len > CONFIG_NRF_CLOUD_MQTT_PAYLOAD_BUFFER_LEN) {
		err = payload_drain(c, conn, len);
		if (err) {
			/* The failure has closed the connection. */
			return;
		}
		cw_mqtt_on_publish_too_large(conn, topic, topic_len, len);
		return;
	}

	/* The payload and its NUL stay in the buffer while the library hands
	 * it to the application.
	 */
	payload = cw_message_buffer_rx_claim(conn, len + 1);
	err = payload_read(c, payload, len);
	if (err == 0) {
		payload[len] = '\0';
		cw_mqtt_on_publish(conn, topic, topic_len, payload, len, qos, pub->message_id);
	}
	cw_message_buffer_rx_release(conn);
	if (err) {
		return;
	}

	if (qos == MQTT_QOS_1_AT_LEAST_ONCE && c->open) {
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

static void client_setup(struct cw_mqtt_conn *c, const struct cw_mqtt_conn_params *params)
{
	struct mqtt_client *client = &c->client;
	struct mqtt_sec_config *tls = &client->transport.tls.config;

	mqtt_client_init(client);
	client->broker = &c->broker;
	client->evt_cb = mqtt_evt_handler;
	client->client_id.utf8 = params->client_id;
	client->client_id.size = (uint32_t)params->client_id_len;
	client->user_name = NULL;
	client->password = NULL;
	client->protocol_version = MQTT_VERSION_3_1_1;
	client->keepalive = params->keepalive_s;
	client->clean_session = params->clean_session ? 1U : 0U;
	client->rx_buf = c->rx_buf;
	client->rx_buf_size = sizeof(c->rx_buf);
	client->tx_buf = c->tx_buf;
	client->tx_buf_size = sizeof(c->tx_buf);

	c->sec_tag = (sec_tag_t)params->sec_tag;
	client->transport.type = MQTT_TRANSPORT_SECURE;
	tls->peer_verify = TLS_PEER_VERIFY_REQUIRED;
	tls->cipher_list = NULL;
	tls->cipher_count = 0;
	tls->sec_tag_list = &c->sec_tag;
	tls->sec_tag_count = 1;
	/* Server name for SNI and for checking the server's certificate. */
	tls->hostname = params->host;
}

/* TCP + TLS + CONNECT to one address. */
static int connect_addr(struct cw_mqtt_conn *c, const struct sockaddr *addr, uint16_t port)
{
	char ip[NET_IPV6_ADDR_LEN];
	const void *in_addr;
	int err;

	memset(&c->broker, 0, sizeof(c->broker));
	if (addr->sa_family == AF_INET6) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&c->broker;

		memcpy(in6, addr, sizeof(*in6));
		in6->sin6_port = htons(port);
		in_addr = &in6->sin6_addr;
	} else {
		struct sockaddr_in *in4 = (struct sockaddr_in *)&c->broker;

		memcpy(in4, addr, sizeof(*in4));
		in4->sin_port = htons(port);
		in_addr = &in4->sin_addr;
	}

	if (zsock_inet_ntop(addr->sa_family, in_addr, ip, sizeof(ip)) == NULL) {
		strcpy(ip, "?");
	}
	LOG_DBG("Connecting to %s port %u", ip, port);

	err = mqtt_connect(&c->client);
	if (err) {
		LOG_DBG("%s: mqtt_connect failed: %d", ip, err);
	}
	return err;
}

/* Resolves host for one address family and tries each address in turn. */
static int connect_family(struct cw_mqtt_conn *c, const struct cw_mqtt_conn_params *params,
			  int family)
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
		err = connect_addr(c, ai->ai_addr, params->port);
		if (err == 0) {
			break;
		}
	}
	zsock_freeaddrinfo(result);
	return err;
}

static int connect_static_ipv4(struct cw_mqtt_conn *c, const struct cw_mqtt_conn_params *params)
{
	struct sockaddr_in addr = { .sin_family = AF_INET };

	if (zsock_inet_pton(AF_INET, params->static_ipv4, &addr.sin_addr) != 1) {
		LOG_ERR("Bad static IPv4 address: %s", params->static_ipv4);
		return -EINVAL;
	}
	return connect_addr(c, (const struct sockaddr *)&addr, params->port);
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
		k_sem_init(&c->poll_left, 0, 1);
		c->wake_ready = true;
	}

	client_setup(c, params);

	if (params->static_ipv4 != NULL) {
		/* A fixed address has no DNS fallback. */
		err = connect_static_ipv4(c, params);
	} else {
		if (IS_ENABLED(CONFIG_NET_IPV6)) {
			err = connect_family(c, params, AF_INET6);
		}
		if (err && IS_ENABLED(CONFIG_NET_IPV4) && !params->ipv6_only) {
			err = connect_family(c, params, AF_INET);
		}
	}

	if (err) {
		/* As NCS: any failure to reach the broker is -ECONNREFUSED. */
		LOG_ERR("Could not connect to %s port %u: %d", params->host, params->port, err);
		return -ECONNREFUSED;
	}

	c->open = true;
	socket_options_apply(c->client.transport.tls.sock);
	return 0;
}

/*
 * Before the socket is closed: gets the poll thread out of zsock_poll() and
 * keeps it out until close_done(). A no-op when the caller is the poll
 * thread itself (it is not polling then).
 */
static void close_begin(struct cw_mqtt_conn *c)
{
	bool wait;

	k_mutex_lock(&wait_guard, K_FOREVER);
	c->closing = true;
	wait = c->polling;
	if (wait) {
		k_sem_reset(&c->poll_left);
		(void)zvfs_eventfd_write(c->wake_fd, 1);
	}
	k_mutex_unlock(&wait_guard);
	if (wait) {
		(void)k_sem_take(&c->poll_left, K_FOREVER);
	}
}

static void close_done(struct cw_mqtt_conn *c)
{
	k_mutex_lock(&wait_guard, K_FOREVER);
	c->closing = false;
	k_mutex_unlock(&wait_guard);
}

int cw_port_mqtt_disconnect(uint8_t conn)
{
	struct cw_mqtt_conn *c = conn_get(conn);
	int err;

	if (c == NULL) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	close_begin(c);
	err = mqtt_disconnect(&c->client, NULL);
	close_done(c);
	return err;
}

int cw_port_mqtt_abort(uint8_t conn)
{
	struct cw_mqtt_conn *c = conn_get(conn);
	int err;

	if (c == NULL) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	close_begin(c);
	err = mqtt_abort(&c->client);
	close_done(c);
	return err;
}

int cw_port_mqtt_publish(uint8_t conn, const uint8_t *topic, size_t topic_len,
			 const uint8_t *payload, size_t payload_len, uint8_t qos,
			 uint16_t msg_id)
{
	struct cw_mqtt_conn *c = conn_get(conn);
	struct mqtt_publish_param pub = {
		.message.topic.topic.utf8 = topic,
		.message.topic.topic.size = (uint32_t)topic_len,
		.message.topic.qos = qos,
		/* Zephyr's struct is not const-correct; the payload is only read. */
		.message.payload.data = (uint8_t *)payload,
		.message.payload.len = (uint32_t)payload_len,
		.message_id = msg_id,
	};

	if (c == NULL || topic == NULL || (payload == NULL && payload_len > 0) ||
	    qos > MQTT_QOS_2_EXACTLY_ONCE) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	return mqtt_publish(&c->client, &pub);
}

int cw_port_mqtt_subscribe(uint8_t conn, const struct cw_mqtt_topic *topics,
			   size_t count, uint16_t msg_id)
{
	struct cw_mqtt_conn *c = conn_get(conn);
	struct mqtt_topic list[SUBSCRIBE_MAX_TOPICS];
	const struct mqtt_subscription_list sub = {
		.list = list,
		.list_count = (uint16_t)count,
		.message_id = msg_id,
	};

	if (c == NULL || topics == NULL || count == 0 || count > ARRAY_SIZE(list)) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	for (size_t i = 0; i < count; i++) {
		list[i] = (struct mqtt_topic){
			.topic.utf8 = topics[i].ptr,
			.topic.size = (uint32_t)topics[i].len,
			.qos = topics[i].qos,
		};
	}
	return mqtt_subscribe(&c->client, &sub);
}

int cw_port_mqtt_input(uint8_t conn)
{
	struct cw_mqtt_conn *c = conn_get(conn);

	if (c == NULL) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	return mqtt_input(&c->client);
}

int cw_port_mqtt_live(uint8_t conn)
{
	struct cw_mqtt_conn *c = conn_get(conn);

	if (c == NULL) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	return mqtt_live(&c->client);
}

int cw_port_mqtt_ping(uint8_t conn)
{
	struct cw_mqtt_conn *c = conn_get(conn);

	if (c == NULL) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	return mqtt_ping(&c->client);
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
	short revents = 0;
	int n;
	int bits = 0;

	if (c == NULL) {
		return -EINVAL;
	}
	if (!c->open) {
		return -ENOTCONN;
	}
	n = socket_poll(c, timeout_ms < 0 ? -1 : timeout_ms, &revents);
	if (n == -ECANCELED) {
		/* Closed by another thread: what polling a closed socket gives. */
		return CW_POLL_NVAL;
	}
	if (n <= 0) {
		return n;
	}
	if (revents & ZSOCK_POLLIN) {
		bits |= CW_POLL_IN;
	}
	if (revents & ZSOCK_POLLERR) {
		bits |= CW_POLL_ERR;
	}
	if (revents & ZSOCK_POLLHUP) {
		bits |= CW_POLL_HUP;
	}
	if (revents & ZSOCK_POLLNVAL) {
		bits |= CW_POLL_NVAL;
	}
	return bits;
}

int cw_port_mqtt_socket(uint8_t conn)
{
	struct cw_mqtt_conn *c = conn_get(conn);

	return (c != NULL && c->open) ? c->client.transport.tls.sock : -1;
}
