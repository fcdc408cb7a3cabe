package io.trtcsim.stack;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/**
 * A JDK WebSocket listener that hands on whole text messages: the JDK may deliver one message in
 * several fragments, and a signaling message is only JSON once they are joined.
 */
public abstract class WholeTextListener implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();

    /** One complete text message, on the WebSocket's receiving thread, in order. */
    protected abstract void onMessage(String text);

    @Override
    public final CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            onMessage(text);
        }
        webSocket.request(1);
        return null;
    }
}
