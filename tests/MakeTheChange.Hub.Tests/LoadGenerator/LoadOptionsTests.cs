using MakeTheChange.LoadGenerator.Cli;
using MakeTheChange.LoadGenerator.Scenarios;
using Shouldly;

namespace MakeTheChange.Hub.Tests.LoadGenerator;

/// <summary>The reservation race runs through two processes of each target unless asked to keep to one.</summary>
public sealed class LoadOptionsTests
{
    [Fact]
    public void The_reservation_race_uses_a_second_process_unless_single_process_is_asked_for()
    {
        var race = new ReservationRaceScenario();

        LoadOptions.Parse(["reservation-race"]).ProcessesFor(race).ShouldBe(2);
        LoadOptions.Parse(["reservation-race", "--single-process"]).ProcessesFor(race).ShouldBe(1);
    }
}
