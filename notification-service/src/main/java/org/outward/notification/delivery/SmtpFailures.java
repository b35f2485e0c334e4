package org.outward.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Tells a temporary SMTP failure (server away, 4xx) from a permanent one (5xx rejection, a message
 * that cannot even be built). The SMTP reply code hides in nested exceptions: JavaMail chains them
 * with {@code getNextException}, Spring collects them per message in {@link MailSendException}.
 */
public final class SmtpFailures {

    private SmtpFailures() {
    }

    public static DeliveryFailure classify(Throwable failure) {
        if (failure instanceof MailParseException || failure instanceof MailPreparationException) {
            return new DeliveryFailure(true, describe(failure));
        }
        Integer code = null;
        Throwable coded = null;
        for (Throwable t : related(failure)) {
            Integer c = replyCode(t);
            if (c != null && (code == null || c >= 500)) {
                code = c;
                coded = t;
            }
        }
        if (code != null) {
            return new DeliveryFailure(code >= 500 && code < 600, "SMTP " + code + ": " + describe(coded));
        }
        return new DeliveryFailure(false, describe(deepest(failure)));
    }

    /** The SMTP reply code somewhere in the failure, or null when the server never answered (connection failures). */
    public static Integer replyCodeIn(Throwable failure) {
        Integer code = null;
        for (Throwable t : related(failure)) {
            Integer c = replyCode(t);
            if (c != null && (code == null || c >= 500)) {
                code = c;
            }
        }
        return code;
    }

    /** Whether the failure is or wraps one of this type. */
    public static boolean contains(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t : related(failure)) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SMTP reply code of Angus Mail's SMTPSendFailedException, SMTPAddressFailedException and
     * SMTPSenderFailedException. Read reflectively: they are the implementation's classes (runtime
     * scope), the API only knows {@link SendFailedException}.
     */
    private static Integer replyCode(Throwable t) {
        if (!(t instanceof SendFailedException)) {
            return null;
        }
        try {
            Method method = t.getClass().getMethod("getReturnCode");
            Object code = method.invoke(t);
            return code instanceof Integer i && i > 0 ? i : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The failure and everything it wraps, each once. */
    private static Iterable<Throwable> related(Throwable root) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (t instanceof MailSendException m) {
                todo.addAll(List.of(m.getMessageExceptions()));
            }
        }
        return seen;
    }

    private static Throwable deepest(Throwable t) {
        Throwable last = t;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause() != null ? c.getCause()
                : c instanceof MailSendException m && m.getMessageExceptions().length > 0
                        ? m.getMessageExceptions()[0] : null) {
            last = c;
        }
        return last;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
