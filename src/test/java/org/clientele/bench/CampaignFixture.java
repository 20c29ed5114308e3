package org.clientele.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.datatype.DatatypeFactory;
import org.clientele.ws.campaign.AddCampaignMembers;
import org.clientele.ws.campaign.Campaign;
import org.clientele.ws.campaign.CampaignChannel;
import org.clientele.ws.campaign.CampaignData;
import org.clientele.ws.campaign.CampaignPortType;
import org.clientele.ws.campaign.CampaignStatus;
import org.clientele.ws.campaign.CreateCampaigns;
import org.clientele.ws.campaign.FindCampaigns;
import org.clientele.ws.campaign.GetCampaignStatistics;
import org.clientele.ws.campaign.MemberRef;
import org.clientele.ws.campaign.NewCampaign;
import org.clientele.ws.customer.Customer;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.FindCustomers;
import org.clientele.ws.customer.FindCustomersResponse;

/**
 * The campaign whose statistics and responses are measured: an ACTIVE campaign named after the seed and member
 * count, whose members are the first customers of the data set (by id), each on its own and through each of its
 * contacts (so 100,000 members need about 33,000 customers), added through the API with addCampaignMembers batches
 * of 200 once and reused by later runs (adding an existing member is not an error, so an interrupted set-up simply
 * resumes).
 */
final class CampaignFixture {
    /**
     * The campaign, its members (customer id and contact id, 0 for the customer on its own), and how long the
     * set-up took (0 when reused).
     */
    record Prepared(long campaignId, long[] memberCustomerIds, long[] memberContactIds, boolean reused, double seconds) {
    }

    private final BenchConfig config;
    private final BenchClients clients;

    CampaignFixture(BenchConfig config, BenchClients clients) {
        this.config = config;
        this.clients = clients;
    }

    Prepared prepare(int dataSetSize) throws Exception {
        long start = System.nanoTime();
        // At most one member per customer of the set: about three members per customer (on its own and through 1-3
        // contacts) keeps the members in the first third of the set, below the upper half whose contacts
        // upsertCustomers-200 replaces (a replaced contact's membership moves to its customer, shrinking the campaign).
        int members = Math.min(config.campaignMembers(), dataSetSize);
        if (members < config.campaignMembers()) {
            System.out.printf(Locale.ROOT, "  campaign members capped at %,d for a data set of %,d customers%n", members,
                    dataSetSize);
        }
        String name = "bench-members-s" + config.seed() + "-" + members;
        CampaignPortType marketing = clients.campaigns(BenchClients.MARKETING_USER);
        long campaignId = findOrCreate(marketing, name);
        long[] customerIds = new long[members];
        long[] contactIds = new long[members];
        firstMembers(customerIds, contactIds);
        GetCampaignStatistics get = new GetCampaignStatistics();
        get.setCampaignId(campaignId);
        long present = marketing.getCampaignStatistics(get).getStatistics().getMembers();
        boolean reused = present >= members;
        if (!reused) {
            System.out.printf(Locale.ROOT, "  campaign %d (%s): adding %,d members (%,d there)%n", campaignId, name, members, present);
            addMembers(campaignId, customerIds, contactIds);
        }
        double seconds = reused ? 0 : (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  campaign %d with %,d members %s%n", campaignId, members,
                reused ? "reused" : String.format(Locale.ROOT, "set up in %.1f s", seconds));
        return new Prepared(campaignId, customerIds, contactIds, reused, seconds);
    }

    private long findOrCreate(CampaignPortType port, String name) throws Exception {
        FindCampaigns find = new FindCampaigns();
        find.setNameContains(name);
        for (Campaign c : port.findCampaigns(find).getCampaign()) {
            if (c.getData().getName().equals(name)) {
                return c.getId();
            }
        }
        CampaignData data = new CampaignData();
        data.setName(name);
        data.setChannel(CampaignChannel.EMAIL);
        data.setStatus(CampaignStatus.ACTIVE);
        data.setStartDate(DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-01-01"));
        data.setCurrency("EUR");
        data.setActualCost(new java.math.BigDecimal("25000.00"));
        NewCampaign item = new NewCampaign();
        item.setData(data);
        CreateCampaigns create = new CreateCampaigns();
        create.getCampaign().add(item);
        var result = port.createCampaigns(create).getResult();
        Loader.requireSuccess(result);
        return result.get(0).getId();
    }

    /** The data set's first customers in id order, each on its own and through each contact (findCustomers, pages of 1,000). */
    private void firstMembers(long[] customerIds, long[] contactIds) throws Exception {
        CustomerPortType port = clients.customers();
        int count = customerIds.length;
        int n = 0;
        String token = null;
        while (n < count) {
            FindCustomers find = new FindCustomers();
            find.setPageSize(1000);
            find.setPageToken(token);
            FindCustomersResponse page = port.findCustomers(find);
            for (Customer c : page.getCustomer()) {
                if (n < count) {
                    customerIds[n] = c.getId();
                    contactIds[n++] = 0;
                }
                for (org.clientele.ws.customer.Contact contact : c.getData().getContact()) {
                    if (n < count && contact.getId() != null) {
                        customerIds[n] = c.getId();
                        contactIds[n++] = contact.getId();
                    }
                }
            }
            token = page.getNextPageToken();
            if (token == null) {
                break;
            }
        }
        if (n < count) {
            throw new IllegalStateException("only " + n + " memberships for a campaign of " + count + " members");
        }
    }

    private void addMembers(long campaignId, long[] customerIds, long[] contactIds) throws Exception {
        int batches = (customerIds.length + Loader.BATCH - 1) / Loader.BATCH;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(config.loaderThreads());
        try {
            List<Future<?>> adders = new ArrayList<>();
            for (int t = 0; t < config.loaderThreads(); t++) {
                adders.add(pool.submit(() -> {
                    CampaignPortType port = clients.campaigns(BenchClients.MARKETING_USER);
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        AddCampaignMembers add = new AddCampaignMembers();
                        for (int i = b * Loader.BATCH; i < Math.min(customerIds.length, (b + 1) * Loader.BATCH); i++) {
                            MemberRef member = new MemberRef();
                            member.setCampaignId(campaignId);
                            member.setCustomerId(customerIds[i]);
                            member.setContactId(contactIds[i] == 0 ? null : contactIds[i]);
                            add.getMember().add(member);
                        }
                        Loader.requireSuccess(port.addCampaignMembers(add).getResult());
                        if (b % 100 == 0) {
                            System.out.printf(Locale.ROOT, "  members: batch %d of %d%n", b, batches);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> adder : adders) {
                adder.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
