package dev.praxis.gateway.edge;

import dev.praxis.contracts.web.ErrorBody;
import dev.praxis.contracts.web.PraxisHeaders;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request Netty cannot decode — a request line or URI over 4 KB, headers over 16 KB, a request line that is not
 * HTTP — is answered in the Praxis error shape (414, 431, 400), with a request id and the security headers, instead of
 * Reactor Netty's empty answer. Such a request never reaches a filter, so the answer is written here, on the
 * connection, by a handler placed before Reactor Netty's own; the connection is closed after it.
 */
@Component
class MalformedRequests implements NettyServerCustomizer {

    static final String HANDLER = "praxis.malformedRequests";

    private final JsonMapper json;

    MalformedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, HANDLER, new Refusal(json));
            }
        });
    }

    private static final class Refusal extends ChannelInboundHandlerAdapter {

        private final JsonMapper json;

        Refusal(JsonMapper json) {
            this.json = json;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!(message instanceof HttpRequest request) || !request.decoderResult().isFailure()) {
                context.fireChannelRead(message);
                return;
            }
            Throwable cause = request.decoderResult().cause();
            ReferenceCountUtil.release(message);
            HttpResponseStatus status;
            String detail;
            if (cause instanceof TooLongHttpLineException) {
                status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
                detail = "Request URI too long";
            } else if (cause instanceof TooLongHttpHeaderException) {
                status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                detail = "Request headers too large";
            } else if (cause instanceof TooLongFrameException) {
                status = HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
                detail = "Request too large";
            } else {
                status = HttpResponseStatus.BAD_REQUEST;
                detail = "Bad request";
            }
            String requestId = RequestIds.generate();
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
