namespace GradeLens.Web;

/// <summary>Builds the dashboard application (placeholder until the web shell lands).</summary>
public static class WebApp;
