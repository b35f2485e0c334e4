package org.outward.notification.digest;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * "This item goes to this recipient in that email": one document per (recipient, item) in
 * {@value #COLLECTION}, {@code _id = <memberId>|<itemId>}, {@code e} = the key of the email it went into.
 * MongoDB's unique {@code _id} is what makes an item appear in exactly one email per recipient, whichever
 * digest window, immediate notice, instance or retry gets there first. A claim whose email is ours already
 * (a rerun after a crash between claiming and sending) counts as ours again.
 */
@Component
public class DigestClaims {

    public static final String COLLECTION = "digest_claims";

    private final MongoTemplate mongo;
    private final Clock clock;

    public DigestClaims(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Claims the given items for {@code emailKey}; the items some other email has already are refused by the unique
     * {@code _id} and left out. Claims this same email made before (a resumed window) are refused too: callers
     * resuming add {@link #claimedBy}.
     *
     * @return the ids of the items newly claimed for that email
     */
    public Set<String> claim(String memberId, Collection<String> itemIds, String emailKey) {
        return claimAll(List.of(new Request(memberId, itemIds, emailKey))).get(0);
    }

    /** Items one email of one recipient would take. */
    public record Request(String memberId, Collection<String> itemIds, String emailKey) {
    }

    /**
     * {@link #claim} for several emails at once: one unordered bulk insert for all of them (the driver splits it in
     * batches as needed), with no read before; each refused insert (E11000) is an item another email has.
     *
     * @return per request, in order, the ids of the items newly claimed for its email
     */
    public List<Set<String>> claimAll(List<Request> requests) {
        Date now = Date.from(clock.instant());
        List<Document> fresh = new ArrayList<>();
        for (Request request : requests) {
            for (String item : request.itemIds()) {
                fresh.add(new Document("_id", request.memberId() + "|" + item).append("e", request.emailKey())
                        .append("at", now));
            }
        }
        Set<Integer> refused = new HashSet<>();
        if (!fresh.isEmpty()) {
            try {
                mongo.getCollection(COLLECTION).insertMany(fresh, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw e;
                    }
                    refused.add(error.getIndex());
                }
            }
        }
        List<Set<String>> mine = new ArrayList<>(requests.size());
        int index = 0;
        for (Request request : requests) {
            Set<String> items = new HashSet<>();
            for (String item : request.itemIds()) {
                if (!refused.contains(index++)) {
                    items.add(item);
                }
            }
            mine.add(items);
        }
        return mine;
    }

    private static final int DUPLICATE_KEY = 11000;

    /** Claims one item for one email; true when it is that email's. */
    public boolean claimOne(String memberId, String itemId, String emailKey) {
        try {
            mongo.insert(new Document("_id", memberId + "|" + itemId).append("e", emailKey)
                    .append("at", Date.from(clock.instant())), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            Document claim = mongo.findById(memberId + "|" + itemId, Document.class, COLLECTION);
            return claim != null && emailKey.equals(claim.getString("e"));
        }
    }

    /** Items already claimed by this email (scan; only used when resuming an interrupted window). */
    public Set<String> claimedBy(String memberId, String emailKey) {
        Set<String> items = new HashSet<>();
        for (Document claim : mongo.find(Query.query(Criteria.where("e").is(emailKey)), Document.class, COLLECTION)) {
            String id = claim.getString("_id");
            items.add(id.substring(memberId.length() + 1));
        }
        return items;
    }

    /** Whether the recipient had this item already (preview). */
    public Set<String> claimedAmong(String memberId, Collection<String> itemIds) {
        Query query = Query.query(Criteria.where("_id").in(itemIds.stream().map(i -> memberId + "|" + i).toList()));
        Set<String> items = new HashSet<>();
        for (Document claim : mongo.find(query, Document.class, COLLECTION)) {
            items.add(claim.getString("_id").substring(memberId.length() + 1));
        }
        return items;
    }
}
