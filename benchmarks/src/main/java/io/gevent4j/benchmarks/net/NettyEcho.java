package io.gevent4j.benchmarks.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

/**
 * The Netty peer of {@link GeventEcho}: a byte echo on one NIO event loop (accepting and serving),
 * {@code TCP_NODELAY} on; with a keystore, Netty's {@code SslHandler} over the JDK's SSLEngine.
 * {@code NettyEcho port [keystore.p12]}.
 */
public final class NettyEcho {
  private NettyEcho() {}

  @ChannelHandler.Sharable
  static final class Echo extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  public static void main(String[] args) throws Exception {
    SslContext tls = args.length > 1 ? SslContextBuilder.forServer(BenchTls.keys(args[1])).sslProvider(SslProvider.JDK).build() : null;
    EventLoopGroup loop = new NioEventLoopGroup(1);
    Echo echo = new Echo();
    try {
      ServerBootstrap bootstrap = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
              if (tls != null) {
                channel.pipeline().addLast(tls.newHandler(channel.alloc()));
              }
              channel.pipeline().addLast(echo);
            }
          });
      io.netty.channel.Channel server = bootstrap.bind("127.0.0.1", Integer.parseInt(args[0])).sync().channel();
      System.out.println("netty echo on " + args[0] + (tls != null ? " (TLS)" : ""));
      server.closeFuture().sync();
    } finally {
      loop.shutdownGracefully();
    }
  }
}
