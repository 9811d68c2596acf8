using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.Identity;

/// <summary>Farm members: one role per person and farm, a role change keeps when and by whom the member was added,
/// lists in the order members joined. The last-owner rule (a farm keeps at least one owner) is the API's
/// (<c>MemberEndpoints.OwnerCountAsync</c>), counted from <see cref="IFarmMembershipStore.ListForFarmAsync"/>: the
/// store's part is that the list shows every member's current role, which these tests hold it to.</summary>
public abstract class FarmMembershipStoreContract : StoreContract
{
    private async Task<UserAccount> UserAsync()
    {
        var user = UserStoreContract.NewUser();
        await Store<IUserStore>().TryCreateAsync(user, Ct);
        return user;
    }

    [Fact]
    public async Task A_role_change_replaces_the_role_and_keeps_the_membership()
    {
        var members = Store<IFarmMembershipStore>();
        var (farm, owner) = (Guid.NewGuid(), await UserAsync());
        await members.UpsertAsync(farm, owner.Id, FarmRole.Viewer, "admin", Ct);
        var added = Assert.Single(await members.ListForFarmAsync(farm, Ct));

        await members.UpsertAsync(farm, owner.Id, FarmRole.Owner, "someone else", Ct);

        Assert.Equal(FarmRole.Owner, await members.GetRoleAsync(farm, owner.Id, Ct));
        Assert.Equal(added with { Role = FarmRole.Owner }, Assert.Single(await members.ListForFarmAsync(farm, Ct)));
        Assert.Equal([new FarmMembership(farm, FarmRole.Owner)], await members.ListForUserAsync(owner.Id, Ct));
    }

    [Fact]
    public async Task Lists_show_each_member_with_their_current_role_in_the_order_they_joined()
    {
        var members = Store<IFarmMembershipStore>();
        var (farmA, farmB) = (Guid.NewGuid(), Guid.NewGuid());
        var (first, second, third) = (await UserAsync(), await UserAsync(), await UserAsync());
        await members.UpsertAsync(farmA, first.Id, FarmRole.Owner, "admin", Ct);
        await Task.Delay(5, Ct);
        await members.UpsertAsync(farmA, second.Id, FarmRole.Owner, "admin", Ct);
        await Task.Delay(5, Ct);
        await members.UpsertAsync(farmA, third.Id, FarmRole.Nutritionist, "admin", Ct);
        await Task.Delay(5, Ct);
        await members.UpsertAsync(farmB, first.Id, FarmRole.Viewer, "admin", Ct);

        var list = await members.ListForFarmAsync(farmA, Ct);
        Assert.Equal([first.Id, second.Id, third.Id], list.Select(m => m.UserId));
        Assert.Equal((first.Email, first.DisplayName, "admin"), (list[0].Email, list[0].DisplayName, list[0].AddedBy));
        Assert.Equal(2, list.Count(m => m.Role == FarmRole.Owner));
        Assert.Equal([new FarmMembership(farmA, FarmRole.Owner), new FarmMembership(farmB, FarmRole.Viewer)], await members.ListForUserAsync(first.Id, Ct));

        // Demoting one of two owners leaves one: the count the API's last-owner rule reads.
        await members.UpsertAsync(farmA, second.Id, FarmRole.Manager, "first", Ct);
        Assert.Equal([first.Id], (await members.ListForFarmAsync(farmA, Ct)).Where(m => m.Role == FarmRole.Owner).Select(m => m.UserId));
    }

    [Fact]
    public async Task Removing_a_member_is_reported_once_and_unknown_members_have_no_role()
    {
        var members = Store<IFarmMembershipStore>();
        var (farm, user) = (Guid.NewGuid(), await UserAsync());
        await members.UpsertAsync(farm, user.Id, FarmRole.Manager, "admin", Ct);
        Assert.True(await members.RemoveAsync(farm, user.Id, Ct));
        Assert.False(await members.RemoveAsync(farm, user.Id, Ct));
        Assert.Null(await members.GetRoleAsync(farm, user.Id, Ct));
        Assert.Null(await members.GetRoleAsync(Guid.NewGuid(), user.Id, Ct));
        Assert.Empty(await members.ListForFarmAsync(farm, Ct));
    }
}

public sealed class InMemoryFarmMembershipStoreTests : FarmMembershipStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresFarmMembershipStoreTests(PostgresServer postgres) : FarmMembershipStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
