package org.medrelay.routes.mllp;

import io.netty.channel.ChannelHandler;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;

/** camel-netty needs a factory: an MLLP decoder holds per-connection state, so each channel gets its own. */
public class MllpFrameDecoderFactory extends DefaultChannelHandlerFactory {

    private final int maxFrameBytes;

    public MllpFrameDecoderFactory(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public ChannelHandler newChannelHandler() {
        return new MllpFrameDecoder(maxFrameBytes);
    }
}
