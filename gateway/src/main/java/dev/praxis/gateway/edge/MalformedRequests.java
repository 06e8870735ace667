package dev.praxis.gateway.edge;

import dev.praxis.contracts.web.ErrorBody;
import dev.praxis.contracts.web.PraxisHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request whose request line or headers Netty cannot decode — a request line or URI over 4 KB, headers over 16 KB, a
 * request line that is not HTTP — is answered in the Praxis error shape (414, 431, 400), with a request id and the
 * security headers, instead of Reactor Netty's empty answer; the connection is closed after it. Such a request never
 * reaches a filter, so a handler placed before Reactor Netty's own answers it on the connection. Behind a pipelined
 * request still being answered, it is left to Reactor Netty, which keeps the answers in order. Counted in
 * {@code gateway.requests.malformed} (tag {@code status}); logged at debug with its request id, never its content.
 */
@Component
class MalformedRequests implements NettyServerCustomizer {

    static final String HANDLER = "praxis.malformedRequests";
    static final String METER = "gateway.requests.malformed";

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

    private final JsonMapper json;
    private final MeterRegistry meters;

    MalformedRequests(JsonMapper json, MeterRegistry meters) {
        this.json = json;
        this.meters = meters;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, HANDLER, new Refusal());
            }
        });
    }

    /** One per connection: counts the requests whose answer has not been written yet. */
    private final class Refusal extends ChannelDuplexHandler {

        private int unanswered;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!(message instanceof HttpRequest request)) {
                context.fireChannelRead(message);
                return;
            }
            if (!request.decoderResult().isFailure() || unanswered > 0) {
                unanswered++;
                context.fireChannelRead(message);
                return;
            }
            Throwable cause = request.decoderResult().cause();
            ReferenceCountUtil.release(message);
            refuse(context, cause);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof LastHttpContent && !isInterim(message) && unanswered > 0) {
                unanswered--;
            }
            context.write(message, promise);
        }

        private static boolean isInterim(Object message) {
            return message instanceof HttpResponse response
                    && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        }

        private void refuse(ChannelHandlerContext context, Throwable cause) {
            HttpResponseStatus status;
            String detail;
            if (cause instanceof TooLongHttpLineException) {
                status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
                detail = "Request URI too long";
            } else if (cause instanceof TooLongHttpHeaderException) {
                status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                detail = "Request headers too large";
            } else {
                status = HttpResponseStatus.BAD_REQUEST;
                detail = "Bad request";
            }
            String requestId = RequestIds.generate();
            log.debug("{} for a request that could not be decoded ({}), request id {}", status.code(),
                    cause == null ? "unknown" : cause.getClass().getSimpleName(), requestId);
            meters.counter(METER, "status", String.valueOf(status.code())).increment();
            byte[] body = json.writeValueAsBytes(ErrorBody.of(detail, requestId));
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(PraxisHeaders.REQUEST_ID, requestId);
            SecurityHeadersFilter.set(response.headers()::set, false);
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
