package org.outward.notification.calendar;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.outward.notification.unsubscribe.UnsubscribeProperties;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Tokens of the personal calendar feeds: {@code base64url(memberId|generation).base64url(HMAC-SHA256)}, signed with
 * the service's link secret (the one of the unsubscribe links, kept apart by a prefix in what is signed). A calendar
 * app polls its subscription for years, so the token does not expire; it is revoked instead: the person's current
 * generation is stored ({@value #COLLECTION}), and a new link raises it, which ends every older link at once.
 */
@Component
public class FeedTokens {

    static final String COLLECTION = "calendar.feeds";
    private static final String PURPOSE = "calendar-feed|";

    private final MongoTemplate mongo;
    private final UnsubscribeProperties properties;

    public FeedTokens(MongoTemplate mongo, UnsubscribeProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** The person's current token (generation 1 until they ask for a new link). */
    public String current(String memberId) {
        Document doc = mongo.findById(memberId, Document.class, COLLECTION);
        return issue(memberId, doc == null ? 1 : doc.getInteger("generation", 1));
    }

    /** Ends every link the person had and returns the new one. */
    public String renew(String memberId) {
        Document doc = mongo.findAndModify(Query.query(Criteria.where("_id").is(memberId)),
                new Update().inc("generation", 1).setOnInsert("since", new java.util.Date()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        // A first renewal upserts generation 1 (the link everybody has by default): go one further.
        int generation = doc.getInteger("generation", 1);
        if (generation == 1) {
            doc = mongo.findAndModify(Query.query(Criteria.where("_id").is(memberId)), new Update().inc("generation", 1),
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            generation = doc.getInteger("generation", 2);
        }
        return issue(memberId, generation);
    }

    /** The member of a valid token that was not revoked. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\|");
            if (parts.length != 2) {
                return Optional.empty();
            }
            int generation = Integer.parseInt(parts[1]);
            Document doc = mongo.findById(parts[0], Document.class, COLLECTION);
            int current = doc == null ? 1 : doc.getInteger("generation", 1);
            return generation == current ? Optional.of(parts[0]) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String issue(String memberId, int generation) {
        String payload = memberId + "|" + generation;
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(mac(payload));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal((PURPOSE + payload).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
